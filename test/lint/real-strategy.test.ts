/**
 * A real published strategy (test/fixtures/real-strategy, see its README) written into the
 * extended format keeps only the findings the method rightly raises; the way it had to be
 * written before also draws the findings the old format caused.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real-strategy');

async function rules(file: string): Promise<Record<string, number>> {
  const findings = await lintText(await readFile(path.join(DIR, file), 'utf8'), file);
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  const out: Record<string, number> = {};
  for (const f of findings) out[f.rule] = (out[f.rule] ?? 0) + 1;
  return out;
}

describe('a real strategy in the format', () => {
  it('after: only real gaps', async () => {
    expect(await rules('after.yaml')).toEqual({
      'open-point': 3,
      'channel-count': 1,
      owners: 5,
      'planning-cadence': 1,
      'review-cadence': 1,
    });
  });

  it('before: the same gaps, and the findings the format caused', async () => {
    expect(await rules('before.yaml')).toEqual({
      'open-point': 9,
      'goal-without-objective': 3,
      'channel-count': 2,
      'tactics-without-objectives': 1,
      owners: 7,
      'kpi-without-objective': 3,
      'planning-cadence': 1,
      'review-cadence': 1,
    });
  });
});
