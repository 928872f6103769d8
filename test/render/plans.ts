/** Plans for the strategy-folder tests: the acceptance fixture, language variants and hand-made ones. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import type { LoadedPlan } from '../../src/plan/load.js';
import { ACCEPTANCE, EXAMPLES } from '../helpers/cli.js';

export const KAFFEBAR = path.join(ACCEPTANCE, 'kaffebar.yaml');

const DATA = path.join(EXAMPLES, 'data');
/** The flags that render each example with its actuals, as docs/monthly-review.md gives them. */
export const EXAMPLE_ACTUALS: Record<
  'fieldnote-software.yaml' | 'nordlys-bakeri.yaml' | 'rodopski-sklon.yaml',
  string[]
> = {
  'fieldnote-software.yaml': [
    '--actuals',
    path.join(DATA, 'fieldnote-software-actuals.csv'),
    '--actuals',
    path.join(DATA, 'fieldnote-linkedin-followers-actuals.csv'),
    '--objective',
    'li-followers',
    '--map',
    'value=Followers',
  ],
  'nordlys-bakeri.yaml': [
    '--actuals',
    path.join(DATA, 'nordlys-bakeri-actuals.csv'),
    '--map',
    'date=Dato,objective=Mål,value=Verdi',
  ],
  'rodopski-sklon.yaml': [
    '--actuals',
    path.join(DATA, 'rodopski-sklon-actuals.csv'),
    '--map',
    'date=Дата,objective=Цел,value=Стойност',
  ],
};

/** Loads YAML text as a plan file in a temporary folder (data/ copied so posts_csv resolves). */
export async function planFrom(yaml: string): Promise<LoadedPlan> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-folder-'));
  try {
    const file = path.join(dir, 'plan.yaml');
    writeFileSync(file, yaml);
    const csv = 'harbor-roasters-instagram.csv';
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', csv), readFileSync(path.join(ACCEPTANCE, 'data', csv)));
    return validPlan(await readCheckedPlan(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function kaffebarYaml(locale: 'en' | 'nb' | 'bg' = 'en'): string {
  const currency = { en: 'USD', nb: 'NOK', bg: 'BGN' }[locale];
  return readFileSync(KAFFEBAR, 'utf8')
    .replace('locale: en', `locale: ${locale}`)
    .replace('currency: USD', `currency: ${currency}`);
}

/** The smallest valid plan: only what the format requires. */
export const MINIMAL = `smplan: 1
plan:
  title: Minimal plan
  organization: Minimal AS
  locale: en
  currency: EUR
  timezone: Europe/Oslo
  start: 2027-01-01
  end: 2027-12-31
goals:
  - id: awareness
    statement: Be known in town
    priority: primary
`;
