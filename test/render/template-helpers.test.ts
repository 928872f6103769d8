import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/render/format.js';
import { renderStrategyFolder } from '../../src/render/folder.js';
import {
  figureText,
  objectiveTitle,
  signedText,
  sinceReviewDiffers,
  standingWord,
} from '../../src/render/template-helpers.js';
import { kaffebarYaml, planFrom } from './plans.js';

describe('templates compiled once per process', () => {
  it('run with each render’s own helpers, partials and language', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-helpers-'));
    try {
      mkdirSync(path.join(dir, 'chapters'));
      mkdirSync(path.join(dir, 'partials'));
      // The same chapter text for both languages: one compiled template, two formatters.
      writeFileSync(path.join(dir, 'chapters', 'budget.md.hbs'), '# {{chapter.title}}\n\n{{money budget.total}}\n');
      writeFileSync(path.join(dir, 'partials', 'chapter-header.hbs'), '# {{chapter.title}} (ACME edition)\n');
      const en = await renderStrategyFolder(await planFrom(kaffebarYaml('en')), { templatesDir: dir });
      const nb = await renderStrategyFolder(await planFrom(kaffebarYaml('nb')), { templatesDir: dir });
      const plain = await renderStrategyFolder(await planFrom(kaffebarYaml('en')));
      const chapter = (folder: typeof en, slug: string) => folder.chapters.find((c) => c.slug === slug)!.markdown;
      expect(chapter(en, 'budget')).toBe('# Budget and resources\n\n$42,548\n');
      expect(chapter(nb, 'budget')).toBe('# Budsjett og ressurser\n\n42\u00a0548\u00a0kr\n');
      expect(chapter(en, 'kpis')).toMatch(/^# KPIs and milestones \(ACME edition\)\n/);
      // A partial of one render's templates folder is not left behind for the next render.
      expect(chapter(plain, 'kpis')).not.toContain('ACME');
      expect(chapter(plain, 'budget')).toContain('## ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the functions the document and the deck share', () => {
  const en = createFormatter('en', 'GBP', { hours: (h) => `${h} h`, minutes: (m) => `${m} min` });
  const words: Record<string, string> = {
    'rag.amber': '{status} so far',
    'rag.none': 'not measured yet',
    'status.on-track': 'on track',
    'status.behind': 'behind',
  };
  const t = (key: string, params: Record<string, string> = {}) =>
    (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

  it('name an objective by its metric, with its channel unless the metric names it', () => {
    expect(objectiveTitle(en, { metric: 'followers', channel: 'linkedin' })).toBe('Followers (LinkedIn)');
    expect(objectiveTitle(en, { metric: 'LinkedIn followers', channel: 'linkedin' })).toBe('LinkedIn followers');
    expect(objectiveTitle(en, { metric: 'visits', channel: 'website' }, () => 'fieldnote.io')).toBe(
      'Visits (fieldnote.io)',
    );
    expect(objectiveTitle(en, { metric: 'demos' })).toBe('Demos');
  });

  it('print a count bare, money and shares with their unit, and a change with a real minus', () => {
    expect(figureText(en, 'GBP', 1200, 'demos')).toBe('1,200');
    expect(figureText(en, 'GBP', 12.5, 'GBP')).toContain('£');
    expect(figureText(en, 'GBP', undefined, 'demos')).toBe('');
    expect(signedText(en, -3, 'demos')).toBe('\u22123 demos');
    expect(signedText(en, 4, undefined)).toBe('+4');
    expect(signedText(en, null, undefined)).toBe('');
  });

  it('word an amber standing by its status, so far', () => {
    expect(standingWord(en, t, { rag: 'amber', status: 'on-track' })).toBe('On track so far');
    expect(standingWord(en, t, { rag: 'red', status: 'behind' })).toBe('Behind');
    expect(standingWord(en, t, { rag: 'none', status: 'no-data' })).toBe('Not measured yet');
  });
});

describe('the "what changed" table', () => {
  it('has a since-the-review column only where it differs from the change since the previous figure', () => {
    const same = { previous: { change: -9.15 }, since_review: { change: -9.15 } };
    expect(sinceReviewDiffers([same, { previous: { change: 2 } }])).toBe(false);
    expect(sinceReviewDiffers([same, { previous: { change: 2 }, since_review: { change: 5 } }])).toBe(true);
  });
});
