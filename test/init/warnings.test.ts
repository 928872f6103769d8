/**
 * Checked as you type, warnings too: an answer lint would warn about (a target out of reach, a
 * budget over its cap, a slot for a persona not on its channel) or an address that is not one is
 * said right after the answer, in the interview's language, and the user keeps it or changes it.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/init.js';
import type { Io } from '../../src/cli/io.js';
import type { Finding } from '../../src/diagnostics.js';
import { findingText } from '../../src/init/findings.js';
import { loadWords } from '../../src/init/words.js';
import { readCheckedPlan } from '../../src/lint/check.js';
import { scripted, type Rule } from './scripted.js';
import { EXAMPLES } from '../helpers/cli.js';

const NB = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../locales/nb.json'), 'utf8')) as Record<
  string,
  string
>;
/** A Norwegian question by its catalogue key: its words up to the first placeholder. */
const nb = (key: string) => new RegExp(`^${NB[key]!.split('{')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-warn-'));
  // A Norwegian plan: its interview is in Norwegian.
  await writeFile(path.join(dir, 'plan.yaml'), await readFile(path.join(EXAMPLES, 'nordlys-bakeri.yaml')));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function redo(section: string, rules: Rule[]) {
  const prompts = scripted(rules);
  let out = '';
  const write = (s: string) => {
    out += s;
    return true;
  };
  const io: Io = {
    stdout: { write, isTTY: false },
    stderr: { write, isTTY: false },
    stdinIsTTY: true,
    env: { NO_COLOR: '1' },
    cwd: dir,
    debug: false,
  };
  const code = await run(['plan.yaml'], { section }, io, prompts);
  const plan = parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8'));
  return { code, out, prompts, plan };
}

/** The questions asked right after `question`, in order. */
function askedAfter(asked: string[], question: RegExp): string[] {
  return asked.slice(asked.findIndex((q) => question.test(q)) + 1);
}

describe('init: warnings as you type, in the interview language', () => {
  it('a target out of reach is said at once; "change" asks the target again with the answer as its default', async () => {
    const { code, out, prompts, plan } = await redo('objectives', [
      [nb('init.objectives.target'), ['+1000 %', '+30 %']],
      [nb('init.ask.keep_or_change'), ['change']],
    ]);
    expect(code, out).toBe(0);
    expect(out).toContain(
      '\u26a0 Advarsel: +1\u00a0000\u00a0% (fra 4\u00a0800 til 52\u00a0800) er over de +300\u00a0% som er realistisk',
    );
    const next = askedAfter(prompts.asked, nb('init.objectives.target'));
    expect(next[0]).toBe(NB['init.ask.keep_or_change']);
    expect(next[1]).toMatch(nb('init.objectives.target'));
    expect(plan.objectives[0].target).toBe('+30%');
    expect(prompts.refused).toEqual([]);
  });

  it('"keep" (the default) keeps the answer, and lint says the same afterwards', async () => {
    const { code, out, plan } = await redo('objectives', [[nb('init.objectives.target'), ['+1000 %']]]);
    expect(code, out).toBe(0);
    expect(out).toContain('Advarsel: +1\u00a0000\u00a0%');
    // Said once, at the answer: not again as a note at the end of the objective.
    expect(out).not.toMatch(/Merk: .*realistic/);
    expect(plan.objectives[0].target).toBe('+1000%');
    const { findings } = await readCheckedPlan(path.join(dir, 'plan.yaml'), { cwd: dir });
    expect(findings.map((f) => f.rule)).toContain('achievable-target');
  });

  it('a budget item that takes the yearly total over the cap is said with the amounts as Norwegian writes them', async () => {
    const { code, out, prompts, plan } = await redo('budget', [
      [nb('init.budget.cost.month'), ['20000', '5500']],
      [nb('init.ask.keep_or_change'), ['change']],
    ]);
    expect(code, out).toBe(0);
    // 20 000 kr a month instead of 5 500: 174 000 kr more a year.
    expect(out).toContain(
      'Advarsel: Med denne posten koster budsjettet 350\u00a0500\u00a0kr i året, 170\u00a0500\u00a0kr over rammen på 180\u00a0000\u00a0kr.',
    );
    expect(askedAfter(prompts.asked, nb('init.budget.cost.month'))[1]).toMatch(nb('init.budget.cost.month'));
    expect(plan.budget.items[0].cost).toBe(5500);
  });

  it('a slot for a persona who is not on its channel is said, and "change" asks the persona again', async () => {
    const { code, out, prompts, plan } = await redo('content', [
      [nb('init.content.slot_channel'), ['facebook']],
      [nb('init.content.slot_persona'), ['sander', 'ingrid']],
      [nb('init.ask.keep_or_change'), ['change']],
    ]);
    expect(code, out).toBe(0);
    expect(out).toContain(
      'Advarsel: Sander, student ved NTNU er ikke på facebook (bare på tiktok, instagram, snapchat)',
    );
    expect(askedAfter(prompts.asked, nb('init.content.slot_persona'))[1]).toMatch(nb('init.content.slot_persona'));
    expect(plan.content.slots[0]).toMatchObject({ channel: 'facebook', persona: 'ingrid' });
  });

  it('a malformed e-mail address or web address is said, and "change" asks it again', async () => {
    const { code, out, plan } = await redo('situation', [
      [nb('init.audit.login_email'), ['post@eikelandsykkel,no', 'post@eikelandsykkel.no']],
      [nb('init.audit.handle'), ['facebook,com/nordlys', 'facebook.com/nordlys']],
      [nb('init.ask.keep_or_change'), ['change', 'change']],
    ]);
    expect(code, out).toBe(0);
    expect(out).toContain('Advarsel: «facebook,com/nordlys» er ikke en gyldig nettadresse');
    expect(out).toContain('Advarsel: «post@eikelandsykkel,no» er ikke en gyldig e-postadresse');
    expect(plan.situation.channel_audit[0]).toMatchObject({
      handle: 'facebook.com/nordlys',
      login_email: 'post@eikelandsykkel.no',
    });
  });
});

describe('init: lint notes in the interview language', () => {
  it('the closing list of what the method still asks tells a kept warning in Norwegian, not in English', async () => {
    const { code, out } = await redo('objectives', [[nb('init.objectives.target'), ['+1000 %']]]);
    expect(code, out).toBe(0);
    expect(out).toContain(
      '  - +1\u00a0000\u00a0% (fra 4\u00a0800 til 52\u00a0800) er over de +300\u00a0% som er realistisk',
    );
    expect(out).not.toContain('realistic');
  });

  it("a note on an entry is in Norwegian, from the plan's own names", async () => {
    const { code, out } = await redo('situation', [[nb('init.audit.admin_left'), ['y']]]);
    expect(code, out).toBe(0);
    expect(out).toMatch(/Merk: \S.* har sluttet, men har fortsatt en rolle på instagram: fjern vedkommende\./);
    expect(out).not.toContain('has left');
  });

  it('a rule without words of its own is named with its place, in the language', async () => {
    const finding: Finding = {
      file: 'plan.yaml',
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'copied-tactic',
      message: 'a tactic copied from a competitor',
      path: 'competitors',
    };
    const words = (await loadWords()).nb;
    expect(findingText(finding, { smplan: 1, competitors: [] }, words, 'nb')).toBe(
      'Konkurrenter: metodens kontroll copied-tactic har en merknad (`smplan lint` gir detaljene).',
    );
  });
});
