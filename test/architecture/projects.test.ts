/** The unit project runs in process; whatever starts another process or thread is in E2E (vitest.config.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E } from '../../vitest.config.js';
import { ROOT } from '../helpers/cli.js';

/** What starts something outside the test's process: the built CLI, a child process, Chromium, tmux, a worker. */
const STARTS =
  /spawnCli|spawnSync|execFile|child_process|tmux|puppeteer|chromium\.js|skipPdf|worker_threads|startPrinter|printPdf/;

function testFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );
}

describe('the test projects', () => {
  it('put every file that starts a process, a browser or a thread in e2e, and only those', () => {
    const files = testFiles('test').filter((f) => !f.startsWith(path.join('test', 'package')));
    const starting = files.filter((f) => STARTS.test(readFileSync(path.join(ROOT, f), 'utf8')));
    const notE2e = [
      path.join('test', 'lint', 'cold-path.test.ts'),
      path.join('test', 'architecture', 'projects.test.ts'),
    ];
    expect(starting.filter((f) => !notE2e.includes(f)).sort()).toEqual([...E2E].sort());
  });
});
