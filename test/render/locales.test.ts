import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'locales', `${locale}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]).sort();

/** Words that are the same in Norwegian or Bulgarian (SWOT, CRM, Format, Status …). */
const SAME_IN_TRANSLATION = new Set([
  'heading.swot',
  'partner_kind.partner',
  'label.partner',
  'label.strategy_status',
  'channel_kind.forum',
  'partner_kind.sponsor',
  'chart.swot.title',
  'tool_purpose.crm',
  'label.start',
  'label.tone',
  'label.format',
  'label.persona',
  'label.person',
  'label.status',
  'chart.kpi.milestones',
  'page_role.admin',
  'page_role.moderator',
  'tool_purpose.design',
  'tool_purpose.video',
  'label.minutes',
  'init.section.team.title',
  'init.default.community_manager',
]);

describe('message catalogues', () => {
  const en = catalogue('en');

  it.each(['nb', 'bg'])('%s translates every English message with the same placeholders', (locale) => {
    const other = catalogue(locale);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(other[key]!), `${locale} ${key}`).toEqual(placeholders(text));
      if (!SAME_IN_TRANSLATION.has(key)) expect(other[key], `${locale} ${key} is still English`).not.toBe(text);
    }
  });

  it('has a message for every key the templates ask for by name', () => {
    const dir = path.join(ROOT, 'templates');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.hbs') && !path.relative(dir, e.parentPath).startsWith('document'))
      .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
    const keys = new Set(files.flatMap((f) => [...f.matchAll(/\{\{t "([a-z_.-]+)"/g)].map((m) => m[1]!)));
    expect(keys.size).toBeGreaterThan(100);
    for (const key of keys)
      expect(
        Object.keys(en).some((k) => k === key || k.startsWith(`${key}.`)),
        key,
      ).toBe(true);
  });
});
