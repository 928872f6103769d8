import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  API_FILE,
  catalogueKeysUsed,
  DOC_FILE,
  liveApi,
  readApi,
  templatesDoc,
} from '../../scripts/template-reference.js';
import { TEMPLATE_HELPERS } from '../../src/render/template-helpers.js';
import { ROOT } from '../helpers/cli.js';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'locales', `${locale}.json`), 'utf8')) as Record<string, string>;
const api = readApi(ROOT);
const live = liveApi(ROOT);
const REMOVE_HOW = `take it out of ${API_FILE} only with a note under "removed" (what to use instead), then npm run docs`;

// Ejected templates call these helpers and keys by name: one that disappears breaks them.
describe('the template contract', () => {
  it('keeps every promised helper, or says under "removed" why it went', () => {
    const gone = api.helpers.filter((name) => !live.helpers.includes(name));
    expect(gone, `helpers gone from src/render/template-helpers.ts: ${REMOVE_HOW}`).toEqual([]);
    const unlisted = live.helpers.filter((name) => !api.helpers.includes(name));
    expect(unlisted, `helpers not in ${API_FILE}: npm run docs adds them`).toEqual([]);
  });

  it.each(['en', 'nb', 'bg'])('keeps every promised catalogue key and family in %s', (locale) => {
    const messages = Object.keys(catalogue(locale));
    const keys = new Set(messages);
    // A message with plural forms is `key.one`, `key.other` …: `other` is the one every language has.
    expect(
      api.keys.filter((key) => !keys.has(key) && !keys.has(`${key}.other`)),
      `keys gone from locales/${locale}.json: ${REMOVE_HOW}`,
    ).toEqual([]);
    expect(
      api.families.filter((family) => !messages.some((key) => key.startsWith(family.slice(0, -1)))),
      `families with no key left in locales/${locale}.json: ${REMOVE_HOW}`,
    ).toEqual([]);
  });

  it('lists every key and family the built-in templates and helpers use', () => {
    expect(
      live.keys.filter((key) => !api.keys.includes(key)),
      `npm run docs adds them to ${API_FILE}`,
    ).toEqual([]);
    expect(
      live.families.filter((f) => !api.families.includes(f)),
      `npm run docs adds them to ${API_FILE}`,
    ).toEqual([]);
  });

  it('gives a note for everything removed, and removes nothing still in use', () => {
    for (const [name, note] of [...Object.entries(api.removed.helpers), ...Object.entries(api.removed.keys)])
      expect(note.trim(), name).not.toBe('');
    expect(Object.keys(api.removed.helpers).filter((name) => api.helpers.includes(name))).toEqual([]);
    expect(Object.keys(api.removed.keys).filter((key) => api.keys.includes(key))).toEqual([]);
  });

  it('describes every helper in one line and names its arguments', () => {
    for (const [name, h] of Object.entries(TEMPLATE_HELPERS)) {
      expect(h.description, name).toMatch(/^\S[^\n]*$/);
      const args: readonly string[] = h.args;
      for (const arg of args) expect(arg, name).toMatch(/^(\.\.\.)?[a-z][a-z-]*\??: [a-z]+$/);
    }
  });

  it(`has ${DOC_FILE} as npm run docs writes it`, () => {
    expect(readFileSync(path.join(ROOT, DOC_FILE), 'utf8'), 'run npm run docs').toBe(templatesDoc(ROOT, api));
  });
});

describe('the catalogue keys a template names', () => {
  it('reads exact keys, families built from a prefix, and open parts', () => {
    const used = catalogueKeysUsed([
      '{{t "label.goal"}} {{~t \'heading.x\' count=2}} {{cell (t "label.y")}}',
      '{{enum "cadence" task.cadence}} {{t (concat "intro." chapter.slug)}} {{open "budget"}}',
      '{{md title}} {{#if (eq a "t")}}{{/if}}',
    ]);
    expect([...used.keys].sort()).toEqual([
      'heading.x',
      'label.goal',
      'label.y',
      'open.budget.asks',
      'open.budget.topic',
    ]);
    expect([...used.families].sort()).toEqual(['cadence.*', 'intro.*']);
  });
});
