/**
 * Issue 29: states the preview could not stop from (a watched file replaced by a FIFO, a
 * --templates folder with a link loop) and where it listens. Ctrl-C ends it with 130 in every
 * state; a non-loopback --host starts only with a warning and the address really listened on.
 * Runs the built CLI (npm test builds first).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { largePlanYaml } from '../../bench/large-plan.mjs';
import { exampleCopy, spawnServe, startServe } from './serving.js';

describe('serve: Ctrl-C in every state', () => {
  it.skipIf(process.platform === 'win32')(
    'stops with 130 after the plan was replaced by a FIFO',
    { timeout: 30_000 },
    async () => {
      const { dir, plan } = exampleCopy();
      const serving = await startServe([plan, '--port', '0'], dir);
      try {
        rmSync(plan);
        execFileSync('mkfifo', [plan]);
        // The preview notices (a banner: the plan is not a regular file), and stays responsive.
        await serving.printed(/not updated/);
        expect(await serving.stop()).toBe(130);
      } finally {
        serving.child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('stops with 130 with a --templates folder holding a link loop', { timeout: 30_000 }, async () => {
    const { dir, plan } = exampleCopy();
    const templates = path.join(dir, 'templates');
    mkdirSync(path.join(templates, 'chapters'), { recursive: true });
    symlinkSync('..', path.join(templates, 'chapters', 'loop'));
    symlinkSync(templates, path.join(templates, 'self'));
    const serving = await startServe([plan, '--port', '0', '--templates', templates], dir);
    try {
      expect(await serving.stop()).toBe(130);
    } finally {
      serving.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serve: Ctrl-C during the first render', () => {
  it('stops with 130 within a second, without waiting for the render', { timeout: 60_000 }, async () => {
    // The largest plan the benchmarks know: its first render takes seconds of work, done in
    // long stretches of synchronous code (charts, Markdown, hyphenation).
    const { dir, plan } = exampleCopy();
    writeFileSync(plan, largePlanYaml());
    const serving = spawnServe([plan, '--port', '0'], dir);
    try {
      // Said just before the first render starts; "Serving … at" only once it is done.
      await serving.logged(/^Rendering /);
      serving.child.kill('SIGINT');
      const gone = await Promise.race([serving.exited, delay(1000).then(() => 'still running after 1 s')]);
      expect(gone).toBe(130);
      // Stopped during the first render, not after it.
      expect(serving.stdout()).not.toMatch(/Serving/);
      expect(serving.stderr()).toMatch(/Stopped\.$/m);
    } finally {
      serving.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serve: where it listens', () => {
  it('--host 0.0.0.0 warns that the preview is reachable from the network and prints the real address', {
    timeout: 30_000,
  }, async () => {
    const { dir, plan } = exampleCopy();
    const serving = await startServe([plan, '--port', '0', '--host', '0.0.0.0'], dir);
    try {
      await serving.logged(/Warning: --host 0\.0\.0\.0 makes the preview reachable from the network/);
      expect(serving.stdout()).toMatch(/^Listening on 0\.0\.0\.0:\d+$/m);
      expect(await serving.stop()).toBe(130);
    } finally {
      serving.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a loopback --host starts without the warning; a bad --host gets a hint about the host', {
    timeout: 30_000,
  }, async () => {
    const { dir, plan } = exampleCopy();
    try {
      const serving = await startServe([plan, '--port', '0', '--host', '127.0.0.1'], dir);
      expect(serving.stderr()).not.toMatch(/Warning/);
      expect(await serving.stop()).toBe(130);
      const bad = spawnCli(['serve', plan, '--port', '0', '--host', '203.0.113.77'], { cwd: dir, timeout: 20_000 });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/cannot listen on 203\.0\.113\.77/);
      expect(bad.stderr).toMatch(/--host/);
      expect(bad.stderr).not.toMatch(/--port/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
