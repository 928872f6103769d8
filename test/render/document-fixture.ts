/**
 * A small strategy folder made by hand, so the HTML and PDF stages are tested on their own,
 * including hostile plan text (raw HTML, script links, template syntax, a link to a local port).
 */
import path from 'node:path';
import { readCheckedPlan, validPlan } from '../../src/lint/check.js';
import type { LoadedPlan } from '../../src/plan/load.js';
import type { StrategyFolder } from '../../src/render/folder.js';
import { ACCEPTANCE } from '../helpers/cli.js';

export const HOSTILE_TEXT = [
  '<script>document.title = "pwned"; document.body.innerHTML = "SCRIPT" + " RAN"</script>',
  "<img src=x onerror=\"document.body.innerHTML='ONERROR'+' RAN'\">",
  '[click me](javascript:alert(1)) and [encoded](java%73cript:alert(2)) and [vb](vbscript:msgbox) and [file](file:///etc/passwd)',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'Template syntax stays text: {{7*7}} {{{constructor}}}',
];

export async function kaffebar(): Promise<LoadedPlan> {
  return validPlan(await readCheckedPlan(path.join(ACCEPTANCE, 'kaffebar.yaml')));
}

const chart = `<?xml version="1.0" encoding="utf-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200" viewBox="0 0 400 200">
<defs><clipPath id="clip1"><rect width="400" height="200"/></clipPath></defs>
<g clip-path="url(#clip1)"><rect x="10" y="50" width="80" height="150" fill="#1f5c8b"/><text x="20" y="40">Охват æøå</text></g></svg>`;

export function fakeFolder(options: { port?: number; locale?: string; hostile?: boolean } = {}): StrategyFolder {
  const port = options.port ?? 1;
  const hostile = options.hostile
    ? [
        '',
        '## Hostile text',
        '',
        ...HOSTILE_TEXT.flatMap((l) => [l, '']),
        `A link to [a local server](http://127.0.0.1:${port}/link) and an image ![pixel](http://127.0.0.1:${port}/pixel.png).`,
        '',
      ]
    : [];
  return {
    // The HTML shell never reads what the chapters were made from.
    view: {} as StrategyFolder['view'],
    title: 'Northside Coffee Bar social media strategy 2027',
    locale: options.locale ?? 'en-US',
    readme: [
      '# Northside Coffee Bar social media strategy 2027',
      '',
      '| | |',
      '| --- | --- |',
      '| Organisation | **Northside Coffee Bar LLC** |',
      '',
      '## Contents',
      '',
      '1. [Situation](01-situation.md)',
      '2. [Competitors](02-competitors.md)',
      '',
      '## Summary',
      '',
      'Two primary goals. See [the benchmark](02-competitors.md#engagement-benchmark).',
      '',
      '## Open points',
      '',
      '- [Situation](01-situation.md): the situation analysis',
      '',
    ].join('\n'),
    chapters: [
      {
        slug: 'situation',
        file: '01-situation.md',
        title: 'Situation',
        markdown: [
          '# Situation',
          '',
          'Where we stand. Norwegian: blåbærsyltetøy, Ærøskøbing. Bulgarian: Здравейте, свят.',
          '',
          'Go to [competitors](02-competitors.md), or [the benchmark](./02-competitors.md#engagement-benchmark), or [a missing heading](02-competitors.md#nowhere).',
          '',
          '![Monthly reach](charts/kpi-ig-reach.svg)',
          '',
          ...hostile,
        ].join('\n'),
      },
      {
        slug: 'competitors',
        file: '02-competitors.md',
        title: 'Competitors',
        markdown: [
          '# Competitors',
          '',
          '## Engagement benchmark',
          '',
          '| Competitor | Channel | Followers | Engagement rate |',
          '| --- | --- | ---: | ---: |',
          '| Harbor Roasters | facebook | 3,100 | 5.4 % |',
          '| Bean There | tiktok | 21,000 | 9.6 % |',
          '',
          'Back to [the situation](01-situation.md) and the [index](README.md).',
          '',
        ].join('\n'),
      },
    ],
    charts: [{ file: 'charts/kpi-ig-reach.svg', title: 'Monthly reach', svg: chart }],
    messages: {
      'index.chapters': 'Contents',
      'index.period_value': '{start} to {end}',
      'index.period': 'Period',
      'index.organisation': 'Organisation',
    },
  };
}
