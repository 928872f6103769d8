/**
 * Prompts that answer from a script, through the interview's real validate
 * functions: an answer the interview refuses is logged and the next one tried,
 * just as a person retypes. Unscripted questions get Enter (the default).
 */
import type { Choice, Prompts } from '../../src/init/ask.js';

export type Answer = string | boolean | string[] | typeof INTERRUPT;
export type Rule = [RegExp, Answer | Answer[]];
export const INTERRUPT = Symbol('Ctrl-C');

export interface Scripted extends Prompts {
  /** Every question asked, in order. */
  asked: string[];
  /** "question => message" for every answer the interview refused. */
  refused: string[];
  /** "yes/no" as each yes-or-no question offered them (Ja/Nei in nb), in order. */
  answerWords: string[];
}

/** Rules are tried in order; the first whose pattern matches the question gives the next answer of its queue. */
export function scripted(rules: Rule[]): Scripted {
  // An array is a queue of answers; a checkbox answer (string[]) goes inside one: [['instagram']].
  const queues = rules.map(([re, a]) => [re, Array.isArray(a) ? [...a] : [a]] as [RegExp, Answer[]]);
  const asked: string[] = [];
  const refused: string[] = [];
  const answerWords: string[] = [];
  const next = (message: string): Answer | undefined => {
    // An interview that asks without end (a refused default asked again and again) fails, not hangs.
    if (asked.length > 5000) throw new Error(`asked 5000 questions, the last: "${message}"`);
    for (const [re, queue] of queues) if (re.test(message)) return queue.length ? queue.shift() : undefined;
    return undefined;
  };
  const interrupt = () =>
    Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
  return {
    asked,
    refused,
    answerWords,
    async input({ message, default: fallback, validate }) {
      asked.push(message);
      for (let tries = 0; tries < 20; tries++) {
        const a = next(message);
        if (a === INTERRUPT) throw interrupt();
        const value = a === undefined || a === '' ? (fallback ?? '') : String(a);
        const ok = validate ? await validate(value) : true;
        if (ok === true) return value;
        refused.push(`${message} => ${ok}`);
        if (a === undefined)
          throw new Error(`the interview refused the default of "${message}" (${String(fallback)}): ${ok}`);
      }
      throw new Error(`no accepted answer for "${message}"`);
    },
    async select<V>({ message, choices, default: fallback }: { message: string; choices: Choice<V>[]; default?: V }) {
      asked.push(message);
      const a = next(message);
      if (a === INTERRUPT) throw interrupt();
      if (a === undefined || a === '') return fallback !== undefined ? fallback : choices[0]!.value;
      const hit = choices.find((c) => String(c.value) === a || c.name?.startsWith(String(a)));
      if (!hit)
        throw new Error(
          `"${String(a)}" is not a choice of "${message}": ${choices.map((c) => String(c.value)).join(', ')}`,
        );
      return hit.value;
    },
    async checkbox<V>({
      message,
      choices,
      validate,
    }: {
      message: string;
      choices: (Choice<V> & { checked?: boolean })[];
      validate?: (v: V[]) => unknown;
    }) {
      asked.push(message);
      for (let tries = 0; tries < 20; tries++) {
        const a = next(message);
        if (a === INTERRUPT) throw interrupt();
        const values =
          a === undefined || a === ''
            ? choices.filter((c) => c.checked).map((c) => c.value)
            : choices.filter((c) => (a as string[]).includes(String(c.value))).map((c) => c.value);
        const ok = validate ? await validate(values) : true;
        if (ok === true) return values;
        refused.push(`${message} => ${String(ok)}`);
        if (a === undefined) throw new Error(`the interview refused the default of "${message}": ${String(ok)}`);
      }
      throw new Error(`no accepted answer for "${message}"`);
    },
    async confirm({ message, default: fallback, yes, no }) {
      asked.push(message);
      answerWords.push(`${yes ?? 'y'}/${no ?? 'n'}`);
      const a = next(message);
      if (a === INTERRUPT) throw interrupt();
      if (a === undefined || a === '') return fallback ?? false;
      return a === true || a === 'y' || a === 'yes';
    },
  };
}
