/**
 * The questions, on top of an injectable set of prompts (the real @inquirer/prompts
 * in a terminal, a scripted set in tests). Every answer is checked before it is
 * taken: the zod schema of its field, then the lint rules where one applies.
 */
import { styleText } from 'node:util';
import type { z } from 'zod';
import { readNumber, showNumber } from '../plan/numbers.js';
import { readDate, readTime } from '../plan/dates.js';
import { KNOWN_CHANNELS, channelId, isoDate, relativeTarget, type Locale, type PlanLocale } from '../plan/schema.js';
import { schemaError } from './check.js';
import type { Words } from './words.js';

/** The Asker's own words when no catalogue is given (tests of single questions). */
const ENGLISH: Record<string, string> = {
  'init.ask.in_percent': ', in %?',
  'init.ask.separate': '(separate with ;)',
  'init.ask.other_channel': 'other (type its id)',
  'init.ask.channel_id': 'Its channel id (lower case, e.g. vk, discord)?',
  'init.ask.yes': 'Yes',
  'init.ask.no': 'No',
  'init.ask.yes_or_no': 'You must answer with "{yes}" or "{no}"',
  'init.ask.number_needed': 'a number is needed here',
  'init.ask.not_a_number': 'expected a number, e.g. {example}',
  'init.ask.percent_needed': 'a percentage is needed here, e.g. {example}',
  'init.ask.not_a_percent': 'expected a percentage, e.g. {example}',
  'init.ask.answer_needed': 'an answer is needed here',
  'init.ask.not_a_target': 'expected a number, or a change such as {up} or {down}',
  'init.ask.did_you_mean': '{text}: did you mean {first} or {second}?',
  'init.ask.or': 'or',
  'init.ask.date_needed': 'a date is needed here',
  'init.ask.not_a_date': 'expected a date, e.g. {example}',
  'init.ask.no_such_day': 'no such date in the calendar',
  'init.ask.which_date': '{text}: did you mean {first} or {second}?',
  'init.ask.time_needed': 'a time is needed here',
  'init.ask.not_a_time': 'expected a time of day (24-hour), e.g. {example}',
  'init.ask.warning': 'Warning: {message}',
  'init.ask.keep_or_change': 'Keep this answer or change it?',
  'init.ask.keep': 'Keep it',
  'init.ask.change': 'Change it',
  'init.ask.suggested': '(suggested)',
};
const english: Words = (key, params = {}) =>
  (ENGLISH[key] ?? key).replace(/\{([a-z_]+)\}/g, (whole, name: string) => String(params[name] ?? whole));

export interface Choice<V> {
  value: V;
  name?: string;
  /** How the answer reads once chosen (the name without a mark such as "(suggested)"). */
  short?: string;
  description?: string;
}

export type Validate<T> = (value: T) => boolean | string | Promise<boolean | string>;

/** The four prompt kinds the interview uses; @inquirer/prompts provides them in a terminal. */
export interface Prompts {
  /** `transformer` shows the answer as understood once it is given (`isFinal`). */
  input(config: {
    message: string;
    default?: string;
    validate?: Validate<string>;
    transformer?: (value: string, state: { isFinal: boolean }) => string;
  }): Promise<string>;
  select<V>(config: { message: string; choices: Choice<V>[]; default?: V; pageSize?: number }): Promise<V>;
  checkbox<V>(config: {
    message: string;
    choices: (Choice<V> & { checked?: boolean })[];
    validate?: Validate<V[]>;
    pageSize?: number;
  }): Promise<V[]>;
  /** `yes` and `no` are the words shown and accepted besides y/n (Ja/Nei, Да/Не); `refused` the message for anything else. */
  confirm(config: {
    message: string;
    default?: boolean;
    yes?: string;
    no?: string;
    refused?: string;
  }): Promise<boolean>;
}

/**
 * Prompts that note every answer (by question and how often it was asked) in `answers`, and
 * offer an answer noted before (`remembered`, from a section Ctrl-C interrupted) as the default.
 */
export function recording(
  prompts: Prompts,
  answers: Record<string, unknown>,
  remembered: Record<string, unknown> = {},
): Prompts {
  const seen = new Map<string, number>();
  const keyOf = (message: string) => {
    const n = (seen.get(message) ?? 0) + 1;
    seen.set(message, n);
    return n === 1 ? message : `${message} #${n}`;
  };
  return {
    async input(c) {
      const key = keyOf(c.message);
      const earlier = remembered[key];
      const answer = await prompts.input(
        typeof earlier === 'string' && earlier !== '' ? { ...c, default: earlier } : c,
      );
      answers[key] = answer;
      return answer;
    },
    async select(c) {
      const key = keyOf(c.message);
      const earlier = c.choices.find((choice) => choice.value === remembered[key]);
      const answer = await prompts.select(earlier ? { ...c, default: earlier.value } : c);
      if (answer === null || ['string', 'number', 'boolean'].includes(typeof answer)) answers[key] = answer;
      return answer;
    },
    async checkbox(c) {
      const key = keyOf(c.message);
      const earlier = remembered[key];
      const choices = Array.isArray(earlier)
        ? c.choices.map((choice) => ({ ...choice, checked: earlier.includes(choice.value) }))
        : c.choices;
      const answer = await prompts.checkbox({ ...c, choices });
      answers[key] = answer;
      return answer;
    },
    async confirm(c) {
      const key = keyOf(c.message);
      const earlier = remembered[key];
      const answer = await prompts.confirm(typeof earlier === 'boolean' ? { ...c, default: earlier } : c);
      answers[key] = answer;
      return answer;
    },
  };
}

/** Adapts @inquirer/prompts (imported by the command only when it runs) to Prompts. */
export function inquirerPrompts(
  lib: typeof import('@inquirer/prompts'),
  /** A key's action (navigate, select, submit, all, invert) in the interview's language. */
  action: (name: string) => string = (name) => name,
): Prompts {
  const keysHelpTip = (keys: [string, string][]) =>
    keys
      .map(([key, name]) => `${styleText('bold', key)} ${styleText('dim', action(name))}`)
      .join(styleText('dim', ' \u2022 '));
  return {
    input: (c) => lib.input({ ...c, theme: { validationFailureMode: 'keep' } }),
    select: (c) => lib.select({ ...c, pageSize: c.pageSize ?? 12, theme: { style: { keysHelpTip } } }),
    checkbox: (c) =>
      lib.checkbox({
        ...c,
        theme: { style: { keysHelpTip } },
        pageSize: c.pageSize ?? 12,
        validate: c.validate ? (chosen) => c.validate!(chosen.map((x) => x.value)) : undefined,
      }),
    confirm: ({ yes, no, refused, ...c }) =>
      lib.confirm({
        ...c,
        ...(yes && no ? { theme: { keywords: { yes, no, ...(refused ? { error: () => refused } : {}) } } } : {}),
      }),
  };
}

/** A check beyond the field's schema: the message to show, or undefined when fine. */
export type Check<T> = (value: T) => Promise<string | undefined> | string | undefined;

/**
 * An answer that is allowed but probably not meant (lint would warn): the warning to say at
 * once, after which the user keeps the answer or changes it; undefined when fine.
 */
export type Warn<T> = Check<T>;

interface TextOptions {
  schema?: z.ZodType;
  default?: string | undefined;
  /** Enter with nothing typed and no default leaves the field out. */
  optional?: boolean;
  check?: Check<string>;
  warn?: Warn<string>;
}

interface NumberOptions {
  schema?: z.ZodType;
  default?: number | undefined;
  optional?: boolean;
  check?: Check<number>;
  warn?: Warn<number>;
}

interface WhenOptions {
  default?: string | undefined;
  optional?: boolean;
  check?: Check<string>;
}

const OTHER = '\u0000other';

/** What a typed answer reads as: a value, why it is not one, or two readings to ask back between. */
type Reading<T> = { value: T } | { wrong: string } | { either: { question: string; options: [Choice<T>, Choice<T>] } };

/** "a; b ;c" -> ["a", "b", "c"] */
export function splitList(text: string): string[] {
  return text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export class Asker {
  constructor(
    readonly prompts: Prompts,
    /** Lines between the questions: why-lines, notes, problems found. */
    readonly say: (line: string) => void,
    /** The plan's language: how numbers are read when ambiguous and shown back. */
    readonly locale: Locale = 'en',
    /** The questions' words (init.ask.*); English when none are given. */
    readonly t: Words = english,
    /** The plan's locale with its region, when it has one: en-GB reads 01/03/2027 as 1 March. */
    readonly region: PlanLocale = locale,
    /** How a warning line is marked (yellow in a terminal with colours). */
    readonly mark: (line: string) => string = (line) => line,
  ) {}

  /** Redoing a section: the marked choice is the answer saved, not a suggestion. */
  redo = false;

  /** A number the way the plan's language writes it (12 400 / 12,4 in nb). */
  show(n: number): string {
    return showNumber(n, this.locale);
  }

  /** A number typed in, by the one number reader; a lone mark before three digits in nb/bg is asked back. */
  private readNumber(raw: string, example: string): Reading<number> {
    const read = readNumber(raw, this.locale);
    if (read === undefined || 'invalid' in read) return { wrong: this.t('init.ask.not_a_number', { example }) };
    if ('value' in read) return { value: read.value };
    const { thousands, decimal } = read.either;
    return {
      either: {
        question: this.t('init.ask.did_you_mean', {
          text: raw.trim(),
          first: this.show(thousands),
          second: this.show(decimal),
        }),
        options: [
          { value: thousands, name: this.show(thousands) },
          { value: decimal, name: this.show(decimal) },
        ],
      },
    };
  }

  /** Free text, checked by its schema. Returns undefined when an optional field is left empty. */
  async text(message: string, o: TextOptions = {}): Promise<string | undefined> {
    // An answer left at its default is the saved text exactly (a trailing line break and all).
    return this.typed(message, o.default, o, this.t('init.ask.answer_needed'), (raw) => ({
      value: raw === o.default ? raw : raw.trim(),
    }));
  }

  async required(message: string, o: Omit<TextOptions, 'optional'> = {}): Promise<string> {
    return (await this.text(message, { ...o, optional: false }))!;
  }

  async number(message: string, o: NumberOptions = {}): Promise<number | undefined> {
    const shown = o.default === undefined ? undefined : this.show(o.default);
    return this.typed(
      message,
      shown,
      o,
      this.t('init.ask.number_needed'),
      (raw) => {
        if (o.default !== undefined && raw.trim() === shown) return { value: o.default };
        return this.readNumber(raw, `${this.show(1200)} ${this.t('init.ask.or')} ${this.show(4.5)}`);
      },
      (n) => this.show(n),
    );
  }

  /**
   * A date as people type it (`1.3.2027`, `01.03.27`, `01/03/2027` in en-GB, ISO), kept as
   * YYYY-MM-DD and shown back so; a date the plan's locale could read two ways is asked back.
   */
  async date(message: string, o: WhenOptions & { optional: true }): Promise<string | undefined>;
  async date(message: string, o?: WhenOptions & { optional?: false }): Promise<string>;
  async date(message: string, o?: WhenOptions): Promise<string | undefined>;
  async date(message: string, o: WhenOptions = {}): Promise<string | undefined> {
    const example = { en: '2027-03-31', nb: '31.3.2027', bg: '31.03.2027 г.' }[this.locale];
    return this.typed(
      message,
      o.default,
      { ...o, schema: isoDate },
      this.t('init.ask.date_needed'),
      (raw) => {
        const read = readDate(raw, this.region);
        if (read !== undefined && 'invalid' in read && read.calendar) return { wrong: this.t('init.ask.no_such_day') };
        if (read === undefined || 'invalid' in read) return { wrong: this.t('init.ask.not_a_date', { example }) };
        if ('date' in read) return { value: read.date };
        const { dayFirst, monthFirst } = read.either;
        return {
          either: {
            question: this.t('init.ask.which_date', { text: raw.trim(), first: dayFirst, second: monthFirst }),
            options: [{ value: dayFirst }, { value: monthFirst }],
          },
        };
      },
      (date) => date,
    );
  }

  /** A time of day as people type it (`7.30`, `7:30`, `19`), kept as HH:MM (24-hour). */
  async time(message: string, o: WhenOptions = {}): Promise<string | undefined> {
    return this.typed(
      message,
      o.default,
      o,
      this.t('init.ask.time_needed'),
      (raw) => {
        const time = readTime(raw);
        return time === undefined ? { wrong: this.t('init.ask.not_a_time', { example: '07:30' }) } : { value: time };
      },
      (time) => time,
    );
  }

  /**
   * A share of a whole asked as a percentage ("40" or "40 %"), kept as a fraction (0.4).
   * A value below 1 is asked back: 0.4 typed here is as likely a fraction as 0.4 %.
   */
  async percent(
    message: string,
    o: { default?: number; schema: z.ZodType; optional?: boolean; check?: Check<number> },
  ): Promise<number | undefined> {
    const shown = o.default === undefined ? undefined : this.show(round(o.default * 100));
    const percent = (fraction: number) => `${this.show(round(fraction * 100))} %`;
    return this.typed(
      `${message}${this.t('init.ask.in_percent')}`,
      shown,
      o,
      this.t('init.ask.percent_needed', { example: `${this.show(40)} %` }),
      (raw) => {
        if (o.default !== undefined && raw.trim() === shown) return { value: o.default };
        const read = this.readNumber(raw.replace('%', ''), '');
        if ('wrong' in read) return { wrong: this.t('init.ask.not_a_percent', { example: `${this.show(40)} %` }) };
        if ('either' in read) {
          const [a, b] = read.either.options.map((c) => round(c.value / 100)) as [number, number];
          return {
            either: {
              question: this.t('init.ask.did_you_mean', { text: raw.trim(), first: percent(a), second: percent(b) }),
              options: [
                { value: a, name: percent(a) },
                { value: b, name: percent(b) },
              ],
            },
          };
        }
        const n = read.value;
        if (n > 0 && n < 1) {
          const question = this.t('init.ask.did_you_mean', {
            text: raw.trim(),
            first: `${this.show(n)} %`,
            second: `${this.show(round(n * 100))} %`,
          });
          return {
            either: {
              question,
              options: [
                { value: round(n / 100), name: `${this.show(n)} %` },
                { value: n, name: percent(n) },
              ],
            },
          };
        }
        return { value: round(n / 100) };
      },
      percent,
    );
  }

  /** An objective's target: a number, or a change from the baseline such as +50% or -20 %. */
  async target(
    message: string,
    o: { default?: number | string | undefined; check?: Check<number | string>; warn?: Warn<number | string> },
  ): Promise<number | string> {
    const shown =
      o.default === undefined ? undefined : typeof o.default === 'number' ? this.show(o.default) : o.default;
    return (await this.typed<number | string>(
      message,
      shown,
      o,
      this.t('init.ask.answer_needed'),
      (raw) => {
        if (o.default !== undefined && raw.trim() === shown) return { value: o.default };
        const notTarget = { wrong: this.t('init.ask.not_a_target', { up: '+50 %', down: '-20 %' }) };
        const change = /^([+-])\s*(.+?)\s*%$/.exec(raw.trim());
        if (change) {
          const read = this.readNumber(change[2]!, '+50%');
          if (!('value' in read) || read.value < 0) return notTarget;
          const text = `${change[1]}${round(read.value)}%`;
          return relativeTarget.test(text) ? { value: text } : notTarget;
        }
        const read = this.readNumber(raw, '');
        return 'wrong' in read ? notTarget : read;
      },
      // A change is kept as the plan writes it (+45.5%) and shown back as the language writes it (+45,5 %).
      (v) => (typeof v === 'number' ? this.show(v) : `${v[0]}${this.show(Number(v.slice(1, -1)))} %`),
    ))!;
  }

  /**
   * One typed-in answer: nothing typed is refused unless optional; `read` turns the text
   * into a value, says why it cannot, or gives two readings; then the field's schema and the
   * check have their say. Two readings that both pass are asked back, never guessed; `echo`
   * shows the answer as understood.
   */
  private async typed<T>(
    message: string,
    shown: string | undefined,
    o: {
      schema?: z.ZodType | undefined;
      optional?: boolean | undefined;
      check?: Check<T> | undefined;
      warn?: Warn<T> | undefined;
    },
    needed: string,
    read: (raw: string) => Reading<T>,
    echo?: (value: T) => string,
  ): Promise<T | undefined> {
    for (let offered = shown; ; ) {
      const value = await this.typedOnce(message, offered, o, needed, read, echo);
      if (value === undefined || (await this.kept(value, o.warn))) return value;
      // "Change": the same question, the answer given as its default.
      offered = echo ? echo(value) : String(value);
    }
  }

  /**
   * False when `warn` has something to say about `value` and the user chooses to change it.
   * The warning is said right after the answer; keeping it is the default.
   */
  async kept<T>(value: T, warn: Warn<T> | undefined): Promise<boolean> {
    const warning = await warn?.(value);
    if (!warning) return true;
    this.say(`  ${this.mark(`\u26a0 ${this.t('init.ask.warning', { message: warning })}`)}`);
    const choice = await this.prompts.select({
      message: this.t('init.ask.keep_or_change'),
      choices: [
        { value: 'keep', name: this.t('init.ask.keep') },
        { value: 'change', name: this.t('init.ask.change') },
      ],
      default: 'keep',
    });
    return choice === 'keep';
  }

  private async typedOnce<T>(
    message: string,
    shown: string | undefined,
    o: { schema?: z.ZodType | undefined; optional?: boolean | undefined; check?: Check<T> | undefined },
    needed: string,
    read: (raw: string) => Reading<T>,
    echo?: (value: T) => string,
  ): Promise<T | undefined> {
    const wrong = async (value: T) =>
      (o.schema ? schemaError(o.schema, value, this.t) : undefined) ?? (await o.check?.(value));
    const answer = await this.prompts.input({
      message,
      ...(shown ? { default: shown } : {}),
      validate: async (raw) => {
        if (raw.trim() === '') return o.optional ? true : needed;
        const got = read(raw);
        if ('wrong' in got) return got.wrong;
        if ('value' in got) return (await wrong(got.value)) ?? true;
        // Either reading will do for now; the one meant is asked next.
        const problems = await Promise.all(got.either.options.map((c) => wrong(c.value)));
        return problems.some((p) => p === undefined) ? true : problems[0]!;
      },
      ...(echo
        ? {
            transformer: (raw: string, { isFinal }: { isFinal: boolean }) => {
              if (!isFinal || raw.trim() === '') return raw;
              const got = read(raw);
              return 'value' in got ? echo(got.value) : raw;
            },
          }
        : {}),
    });
    if (answer.trim() === '') return undefined;
    const got = read(answer);
    if ('wrong' in got) return undefined;
    if ('value' in got) return got.value;
    const viable: Choice<T>[] = [];
    for (const c of got.either.options) if ((await wrong(c.value)) === undefined) viable.push(c);
    // Only one reading is allowed here (a count cannot be 12.4): that one, said back.
    if (viable.length === 1) {
      this.say(`  = ${viable[0]!.name}`);
      return viable[0]!.value;
    }
    return this.prompts.select({ message: got.either.question, choices: viable });
  }

  /** Several short answers on one line, separated by ";". Empty leaves the field out. */
  async list(
    message: string,
    o: { default?: string[] | undefined; schema?: z.ZodType; check?: Check<string[]>; warn?: Warn<string[]> } = {},
  ): Promise<string[] | undefined> {
    for (let offered = o.default; ; ) {
      const answer = await this.prompts.input({
        message: `${message} ${this.t('init.ask.separate')}`,
        ...(offered?.length ? { default: offered.join('; ') } : {}),
        validate: async (raw) => {
          const items = splitList(raw);
          return (o.schema ? schemaError(o.schema, items, this.t) : undefined) ?? (await o.check?.(items)) ?? true;
        },
      });
      // Left as offered: the items as they were, even one that holds a ";".
      const items = offered?.length && answer === offered.join('; ') ? [...offered] : splitList(answer);
      if (!items.length) return undefined;
      if (await this.kept(items, o.warn)) return items;
      offered = items;
    }
  }

  /** One of a list; a warned choice is kept or chosen again. */
  async choose<V>(message: string, choices: Choice<V>[], fallback?: V, check?: Check<V>, warn?: Warn<V>): Promise<V> {
    // The list keeps its order, so that the same list reads the same from one question to the
    // next; the suggestion is marked and the cursor starts on it.
    const suggested = this.t(this.redo ? 'init.ask.current' : 'init.ask.suggested');
    const marked = choices.map((c) =>
      fallback !== undefined && c.value === fallback
        ? { ...c, name: `${c.name ?? String(c.value)} ${suggested}`, short: c.short ?? c.name ?? String(c.value) }
        : c,
    );
    let current = fallback;
    for (;;) {
      const value = await this.prompts.select({
        message,
        choices: marked,
        ...(current !== undefined ? { default: current } : {}),
      });
      const wrong = await check?.(value);
      // select cannot show a message of its own: say it, then ask again.
      if (wrong) this.say(`  \u2716 ${wrong}`);
      else if (await this.kept(value, warn)) return value;
      current = value;
    }
  }

  async chooseMany<V>(
    message: string,
    choices: (Choice<V> & { checked?: boolean })[],
    check?: Check<V[]>,
  ): Promise<V[]> {
    return this.prompts.checkbox({
      message,
      choices,
      ...(check ? { validate: async (v: V[]) => (await check(v)) ?? true } : {}),
    });
  }

  async confirm(message: string, fallback: boolean): Promise<boolean> {
    const [yes, no] = [this.t('init.ask.yes'), this.t('init.ask.no')];
    return this.prompts.confirm({
      message,
      default: fallback,
      yes,
      no,
      refused: this.t('init.ask.yes_or_no', { yes, no }),
    });
  }

  /** A channel id: one of the known ones, or another lower-case id typed in. */
  async channel(
    message: string,
    o: { default?: string | undefined; offer?: readonly string[]; none?: string; check?: Check<string> } = {},
  ): Promise<string | undefined> {
    const offer = [...new Set([...(o.offer ?? []), ...KNOWN_CHANNELS])];
    const choices: Choice<string>[] = [
      ...(o.none ? [{ value: '', name: o.none }] : []),
      ...offer.map((c) => ({ value: c })),
      { value: OTHER, name: this.t('init.ask.other_channel') },
    ];
    const fallback = o.default ?? (o.none ? '' : offer[0]);
    const picked = await this.choose(message, choices, fallback, (v) =>
      v === OTHER || v === '' ? undefined : o.check?.(v),
    );
    if (picked === '') return undefined;
    if (picked !== OTHER) return picked;
    return this.required(this.t('init.ask.channel_id'), {
      schema: channelId,
      ...(o.check ? { check: o.check } : {}),
    });
  }
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
