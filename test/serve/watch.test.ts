import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchInputs } from '../../src/serve/watch.js';
import { testFolder } from '../helpers/temp.js';

describe('watchInputs: the race with a quick second save', () => {
  it('reports a save that lands right after the one before was reported', async () => {
    const file = path.join(testFolder('smplan-watch-'), 'plan.yaml');
    writeFileSync(file, 'target: 6000\n');
    const seen: string[] = [];
    const watcher = await watchInputs(() => {
      const text = readFileSync(file, 'utf8');
      seen.push(text);
      // The fix saved as soon as the error is known (a format-on-save plugin saving twice): within
      // the 50 ms in which chokidar drops the file's next change event.
      const broken = /^target: \[(\d+)\n$/.exec(text);
      if (broken) writeFileSync(file, `target: ${broken[1]}\n`);
    });
    try {
      await watcher.follow([file]);
      for (let round = 1; round <= 3; round++) {
        writeFileSync(file, `target: [60${round}0\n`);
        // A missed save is never reported: the wait is a guard, not a timing.
        await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toBe(`target: 60${round}0\n`);
        expect(seen.slice(-2)).toEqual([`target: [60${round}0\n`, `target: 60${round}0\n`]);
      }
    } finally {
      await watcher.close();
    }
  });
});
