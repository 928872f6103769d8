/**
 * The questions, on top of an injectable set of prompts (the real @inquirer/prompts
 * in a terminal, a scripted set in tests). Every answer is checked before it is
 * taken: the zod schema of its field, then the lint rules where one applies.
 */
import type { z } from 'zod';
import { KNOWN_CHANNELS, channelId } from '../plan/schema.js';
import { schemaError } from './check.js';

export interface Choice<V> {
  value: V;
  name?: string;
  description?: string;
}

export type Validate<T> = (value: T) => boolean | string | Promise<boolean | string>;

/** The four prompt kinds the interview uses; @inquirer/prompts provides them in a terminal. */
export interface Prompts {
  input(config: { message: string; default?: string; validate?: Validate<string> }): Promise<string>;
  select<V>(config: { message: string; choices: Choice<V>[]; default?: V; pageSize?: number }): Promise<V>;
  checkbox<V>(config: { message: string; choices: (Choice<V> & { checked?: boolean })[]; validate?: Validate<V[]>; pageSize?: number }): Promise<V[]>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** Adapts @inquirer/prompts (imported by the command only when it runs) to Prompts. */
export function inquirerPrompts(lib: typeof import('@inquirer/prompts')): Prompts {
  return {
    input: (c) => lib.input({ ...c, theme: { validationFailureMode: 'keep' } }),
    select: (c) => lib.select({ ...c, pageSize: c.pageSize ?? 12 }),
    checkbox: (c) =>
      lib.checkbox({
        ...c,
        pageSize: c.pageSize ?? 12,
        validate: c.validate ? (chosen) => c.validate!(chosen.map((x) => x.value)) : undefined,
      }),
    confirm: (c) => lib.confirm(c),
  };
}

/** A check beyond the field's schema: the message to show, or undefined when fine. */
export type Check<T> = (value: T) => Promise<string | undefined> | string | undefined;

interface TextOptions {
  schema?: z.ZodType;
  default?: string | undefined;
  /** Enter with nothing typed and no default leaves the field out. */
  optional?: boolean;
  check?: Check<string>;
}

interface NumberOptions {
  schema?: z.ZodType;
  default?: number | undefined;
  optional?: boolean;
  check?: Check<number>;
}

const OTHER = '\u0000other';

/** Reads "1 200", "1200.5" and "1200,5" as numbers. */
export function parseNumber(text: string): number | undefined {
  let t = text.trim().replace(/[\s_\u00a0]/g, '');
  if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** "a; b ;c" -> ["a", "b", "c"] */
export function splitList(text: string): string[] {
  return text.split(';').map((s) => s.trim()).filter(Boolean);
}

export class Asker {
  constructor(
    readonly prompts: Prompts,
    /** Lines between the questions: why-lines, notes, problems found. */
    readonly say: (line: string) => void,
  ) {}

  /** Free text, checked by its schema. Returns undefined when an optional field is left empty. */
  async text(message: string, o: TextOptions = {}): Promise<string | undefined> {
    return this.typed(message, o.default, o, 'an answer is needed here', (raw) => ({ value: raw.trim() }));
  }

  async required(message: string, o: Omit<TextOptions, 'optional'> = {}): Promise<string> {
    return (await this.text(message, { ...o, optional: false }))!;
  }

  async number(message: string, o: NumberOptions = {}): Promise<number | undefined> {
    return this.typed(message, o.default === undefined ? undefined : String(o.default), o, 'a number is needed here', (raw) => {
      const n = parseNumber(raw);
      return n === undefined ? { wrong: 'expected a number, e.g. 1200 or 4.5' } : { value: n };
    });
  }

  /** A share of a whole asked as a percentage ("40" or "40 %"), kept as a fraction (0.4). */
  async percent(message: string, o: { default?: number; schema: z.ZodType; optional?: boolean; check?: Check<number> }): Promise<number | undefined> {
    const shown = o.default === undefined ? undefined : String(round(o.default * 100));
    return this.typed(`${message}, in %?`, shown, o, 'a percentage is needed here, e.g. 40', (raw) => {
      const n = parseNumber(raw.replace('%', ''));
      return n === undefined ? { wrong: 'expected a percentage, e.g. 40 for 40 %' } : { value: round(n / 100) };
    });
  }

  /**
   * One typed-in answer: nothing typed is refused unless optional; `read` turns the text
   * into a value or says why it cannot; then the field's schema and the check have their say.
   */
  private async typed<T>(
    message: string,
    shown: string | undefined,
    o: { schema?: z.ZodType | undefined; optional?: boolean | undefined; check?: Check<T> | undefined },
    needed: string,
    read: (raw: string) => { value: T } | { wrong: string },
  ): Promise<T | undefined> {
    const answer = await this.prompts.input({
      message,
      ...(shown ? { default: shown } : {}),
      validate: async (raw) => {
        if (raw.trim() === '') return o.optional ? true : needed;
        const got = read(raw);
        if ('wrong' in got) return got.wrong;
        return (o.schema ? schemaError(o.schema, got.value) : undefined) ?? (await o.check?.(got.value)) ?? true;
      },
    });
    if (answer.trim() === '') return undefined;
    const got = read(answer);
    return 'value' in got ? got.value : undefined;
  }

  /** Several short answers on one line, separated by ";". Empty leaves the field out. */
  async list(message: string, o: { default?: string[] | undefined; schema?: z.ZodType; check?: Check<string[]> } = {}): Promise<string[] | undefined> {
    const answer = await this.prompts.input({
      message: `${message} (separate with ;)`,
      ...(o.default?.length ? { default: o.default.join('; ') } : {}),
      validate: async (raw) => {
        const items = splitList(raw);
        return (o.schema ? schemaError(o.schema, items) : undefined) ?? (await o.check?.(items)) ?? true;
      },
    });
    const items = splitList(answer);
    return items.length ? items : undefined;
  }

  async choose<V>(message: string, choices: Choice<V>[], fallback?: V, check?: Check<V>): Promise<V> {
    for (;;) {
      // The default comes first (the list turned round, so its order is kept): a select that
      // loses its cursor (a stray key jumps to the first match) still lands on the default.
      const at = choices.findIndex((c) => c.value === fallback);
      if (at > 0) choices = [...choices.slice(at), ...choices.slice(0, at)];
      const value = await this.prompts.select({ message, choices, ...(fallback !== undefined ? { default: fallback } : {}) });
      const wrong = await check?.(value);
      if (!wrong) return value;
      // select cannot show a message of its own: say it, then ask again.
      this.say(`  \u2716 ${wrong}`);
    }
  }

  async chooseMany<V>(message: string, choices: (Choice<V> & { checked?: boolean })[], check?: Check<V[]>): Promise<V[]> {
    return this.prompts.checkbox({
      message,
      choices,
      ...(check ? { validate: async (v: V[]) => (await check(v)) ?? true } : {}),
    });
  }

  async confirm(message: string, fallback: boolean): Promise<boolean> {
    return this.prompts.confirm({ message, default: fallback });
  }

  /** A channel id: one of the known ones, or another lower-case id typed in. */
  async channel(message: string, o: { default?: string | undefined; offer?: readonly string[]; none?: string; check?: Check<string> } = {}): Promise<string | undefined> {
    const offer = [...new Set([...(o.offer ?? []), ...KNOWN_CHANNELS])];
    const choices: Choice<string>[] = [
      ...(o.none ? [{ value: '', name: o.none }] : []),
      ...offer.map((c) => ({ value: c })),
      { value: OTHER, name: 'other (type its id)' },
    ];
    const fallback = o.default ?? (o.none ? '' : offer[0]);
    const picked = await this.choose(message, choices, fallback, (v) => (v === OTHER || v === '' ? undefined : o.check?.(v)));
    if (picked === '') return undefined;
    if (picked !== OTHER) return picked;
    return this.required('Its channel id (lower case, e.g. vk, discord)?', { schema: channelId, ...(o.check ? { check: o.check } : {}) });
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
