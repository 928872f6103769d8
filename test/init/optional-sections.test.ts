/**
 * `smplan init --section` for the sections a real strategy adds (governance, initiatives,
 * partners, campaigns, policies), in en, nb and bg: each is asked, or stated not to apply with a
 * reason; the full interview leaves them out.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/init.js';
import type { Io } from '../../src/cli/io.js';
import { readCheckedPlan } from '../../src/lint/check.js';
import { METHOD_SECTIONS, OPTIONAL_SECTIONS } from '../../src/plan/schema.js';
import { ACCEPTANCE } from '../helpers/cli.js';
import { scripted, type Rule } from './scripted.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-init-optional-'));
  await mkdir(path.join(dir, 'data'));
  await writeFile(
    path.join(dir, 'data/harbor-roasters-instagram.csv'),
    await readFile(path.join(ACCEPTANCE, 'data/harbor-roasters-instagram.csv')),
  );
  await writeFile(path.join(dir, 'plan.yaml'), await readFile(path.join(ACCEPTANCE, 'kaffebar.yaml')));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function init(section: string, rules: Rule[], lang = 'en') {
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
  const code = await run(['plan.yaml'], { section, lang }, io, prompts);
  return { code, out, prompts, plan: parse(await readFile(path.join(dir, 'plan.yaml'), 'utf8')) };
}

describe('smplan init --section for the optional sections', () => {
  it('the full interview asks the method sections only', () => {
    for (const name of OPTIONAL_SECTIONS) expect(METHOD_SECTIONS).not.toContain(name);
    expect(METHOD_SECTIONS).toHaveLength(15);
  });

  it('initiatives: name, kind, owner, when, goals and measures', async () => {
    const { code, out, plan } = await init('initiatives', [
      [/^Does the strategy have initiatives/, true],
      [/^Initiative 1: name/, 'Barista ambassadors'],
      [/^What kind/, 'advocacy'],
      [/^Who owns it/, 'Owner'],
      [/^When, in words/, '2027-Q2'],
      [/^How will you know/, 'Five baristas post monthly'],
      [/^Add another initiative/, false],
    ]);
    expect(code, out).toBe(0);
    expect(plan.initiatives).toEqual([
      {
        id: 'barista-ambassadors',
        name: 'Barista ambassadors',
        kind: 'advocacy',
        owner: 'Owner',
        when: '2027-Q2',
        measures: ['Five baristas post monthly'],
      },
    ]);
    expect((await readCheckedPlan(path.join(dir, 'plan.yaml'))).findings.filter((f) => f.severity === 'error')).toEqual(
      [],
    );
  });

  it('partners: stated not to apply, with the reason, in Norwegian', async () => {
    const { code, out, prompts, plan } = await init(
      'partners',
      [
        [/^Samarbeider dere med partnere/, false],
        [/^Hvorfor gjelder det ikke/, 'Vi samarbeider ikke med påvirkere'],
      ],
      'nb',
    );
    expect(code, out).toBe(0);
    expect(prompts.asked[0]).toBe('Samarbeider dere med partnere eller påvirkere?');
    expect(plan.partners).toEqual({ not_applicable: 'Vi samarbeider ikke med påvirkere' });
  });

  it('policies and campaigns in Bulgarian', async () => {
    const policies = await init(
      'policies',
      [
        [/^Задава ли стратегията политики/, true],
        [/^Кое ниво на WCAG/, '2.1 AA'],
        [/^На кои езици/, 'bg; en'],
      ],
      'bg',
    );
    expect(policies.code, policies.out).toBe(0);
    expect(policies.plan.policies.accessibility).toEqual({ alt_text: true, captions: true, wcag: '2.1 AA' });
    expect(policies.plan.policies.language).toEqual({ languages: ['bg', 'en'], plain_language: true });
    const campaigns = await init(
      'campaigns',
      [
        [/^Имате ли кампании/, true],
        [/^Кампания 1: име/, 'Ден на кафето'],
        [/^Повтаря ли се/, 'yearly'],
        [/^Кога, с думи/, 'всеки октомври'],
        [/^Добавяне на още/, false],
      ],
      'bg',
    );
    expect(campaigns.code, campaigns.out).toBe(0);
    expect(campaigns.plan.campaigns[0]).toMatchObject({
      name: 'Ден на кафето',
      recurs: 'yearly',
      when: 'всеки октомври',
    });
  });

  it('governance: scope, owner and revision', async () => {
    const { code, out, plan } = await init('governance', [
      [/^Does the strategy state its scope/, true],
      [/^What is this document/, 'A channel strategy, not a communication plan'],
      [/^What does it deliberately not cover/, 'Press relations'],
      [/^Who owns the strategy/, 'Owner'],
      [/^How often is the strategy itself revised/, 'yearly'],
      [/^When is the next revision due/, '2027-12-01'],
    ]);
    expect(code, out).toBe(0);
    expect(plan.governance).toEqual({
      scope: 'A channel strategy, not a communication plan',
      out_of_scope: ['Press relations'],
      owner: 'Owner',
      revision: { cadence: 'yearly', next: '2027-12-01' },
    });
  });
});
