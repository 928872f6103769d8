/**
 * A refused answer is said in the interview's language, with what was expected: the schema's
 * refusal at the prompt and the draft's errors alike. A redo marks the saved choice as the
 * current answer, and a redo left at its defaults adds no yes/no the section did not state.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import * as z from 'zod';
import { run } from '../../src/cli/init.js';
import type { Io } from '../../src/cli/io.js';
import { Asker, type Prompts } from '../../src/init/ask.js';
import { schemaError } from '../../src/init/check.js';
import { findingText } from '../../src/init/findings.js';
import { readCheckedPlan } from '../../src/lint/check.js';
import { loadWords } from '../../src/init/words.js';
import { EXAMPLES } from '../helpers/cli.js';
import { scripted, type Rule } from './scripted.js';

const words = await loadWords();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-refuse-'));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function redo(text: string, section: string, rules: Rule[]) {
  await writeFile(path.join(dir, 'plan.yaml'), text);
  const prompts = scripted(rules);
  const write = () => true;
  const io: Io = {
    stdout: { write, isTTY: false },
    stderr: { write, isTTY: false },
    stdinIsTTY: true,
    env: { NO_COLOR: '1' },
    cwd: dir,
    debug: false,
  };
  const code = await run(['plan.yaml'], { section }, io, prompts);
  return { code, prompts, after: await readFile(path.join(dir, 'plan.yaml'), 'utf8') };
}

const example = (name: string) => readFile(path.join(EXAMPLES, `${name}.yaml`), 'utf8');

describe('a refused answer in the interview language', () => {
  it.each([
    [
      'nordlys-bakeri',
      /^Kort ID for delmålet/,
      'ventet en kort id med små bokstaver',
      'ig-folgere',
      'er allerede brukt',
    ],
    ['rodopski-sklon', /^Кратък ID за целта/, 'очаква се кратък идентификатор', 'rezervacii', 'вече е използвано'],
  ])('%s: the schema and the draft refuse in its language', async (name, question, schemaWords, taken, draftWords) => {
    const { code, prompts } = await redo(await example(name), 'objectives', [
      // The first objective: an id the schema refuses; the second: the first one's id.
      [question, ['Ugyldig Id!', '', taken, '']],
    ]);
    expect(code).toBe(0);
    expect(prompts.refused).toHaveLength(2);
    expect(prompts.refused[0]).toContain(schemaWords);
    expect(prompts.refused[1]).toContain(draftWords);
    expect(prompts.refused.join('\n')).not.toMatch(/expected|already defined/);
  });

  it('tells a zod refusal by its kind, with its limit, in nb and bg', () => {
    // Too long a text, not a number, one of a list: each said with what was expected.
    const long = 'x'.repeat(501);
    expect(schemaError(textSchema(), long, words.nb)).toBe('for langt: høyst 500 tegn');
    expect(schemaError(textSchema(), long, words.bg)).toBe('твърде дълго: най-много 500 знака');
    expect(schemaError(textSchema(), '', words.nb)).toBe('for kort: minst 1 tegn');
    expect(schemaError(z.enum(['monthly', 'weekly']), 'daily', words.bg)).toBe('очаква се едно от: monthly, weekly');
    expect(schemaError(z.number(), 'x', words.nb)).toBe('ventet et tall');
  });
});

/** A short text as the plan's schema has it. */
function textSchema() {
  return z.string().min(1).max(500);
}

describe('a redo', () => {
  it('marks the saved choice as the current answer, in the list order', async () => {
    const seen: { name?: string | undefined; value: unknown }[][] = [];
    const prompts = {
      select: async ({ choices, default: d }: { choices: { name?: string; value: unknown }[]; default?: unknown }) => {
        seen.push(choices);
        return d;
      },
    } as unknown as Prompts;
    const choices = [
      { value: 'a', name: 'A' },
      { value: 'b', name: 'B' },
      { value: 'c', name: 'C' },
    ];
    for (const [lang, current] of [
      ['nb', '(nåværende)'],
      ['bg', '(текущ)'],
    ] as const) {
      const ask = new Asker(prompts, () => {}, lang, words[lang]);
      expect(await ask.choose('?', choices, 'b')).toBe('b');
      ask.redo = true;
      expect(await ask.choose('?', choices, 'b')).toBe('b');
      const [fresh, again] = seen.splice(0);
      expect(fresh!.map((c) => c.name)).toEqual(['A', `B ${words[lang]('init.ask.suggested')}`, 'C']);
      expect(again!.map((c) => c.name)).toEqual(['A', `B ${current}`, 'C']);
    }
  });

  it('of the policies left at every default adds no yes/no that was not stated', async () => {
    const plan = parse(await example('friluftsdirektoratet'));
    plan.policies = { privacy: plan.policies.privacy, language: { languages: ['nb', 'nn'] } };
    const text = stringify(plan);
    const { code, after } = await redo(text, 'policies', []);
    expect(code).toBe(0);
    expect(parse(after).policies).toEqual(plan.policies);
  });
});

describe('the notes of a partial plan', () => {
  it.each([
    ['nb', 'oppførte konkurrenter: 1; undersøk minst 3', 'har ikke noe verktøy', 'ingen KPI måler delmålet'],
    ['bg', 'посочени конкуренти: 1; проучете поне 3', 'не е посочен инструмент', 'никой KPI не измерва целта'],
  ] as const)('are sentences of their own in %s, not the rule id', async (lang, competitors, tool, kpi) => {
    const plan = parse(await example('nordlys-bakeri'));
    plan.competitors = plan.competitors.slice(0, 1);
    delete plan.kpis[0].tool;
    plan.kpis = plan.kpis.filter((k: { objective?: string }) => k.objective !== plan.objectives[1].id);
    const { findings } = await readCheckedPlan({ file: 'plan.yaml', draft: plan, dir }, { cwd: dir });
    const said = (rule: string) =>
      findings.filter((f) => f.rule === rule).map((f) => findingText(f, plan, words[lang], lang));
    expect(said('competitor-count')).toEqual([expect.stringContaining(competitors)]);
    expect(said('kpi-measurement')).toEqual([expect.stringContaining(tool)]);
    expect(said('objective-without-kpi')[0]).toContain(kpi);
    expect(findings.map((f) => findingText(f, plan, words[lang], lang)).join('\n')).not.toMatch(/kontroll|проверката/);
  });
});
