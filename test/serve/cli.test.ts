import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedHost } from '../../src/serve/server.js';
import { EXAMPLES, runCli, spawnCli } from '../helpers/cli.js';
import { exampleCopy, startServe } from './serving.js';

describe('serve: which Host headers it answers', () => {
  it('answers loopback names only, unless --host is given', () => {
    for (const host of ['127.0.0.1:4177', 'localhost:4177', 'LOCALHOST', '[::1]:4177', 'app.localhost:4177'])
      expect(isAllowedHost(host, undefined)).toBe(true);
    for (const host of [
      'attacker.example',
      'attacker.example:4177',
      '127.0.0.1.nip.io:4177',
      '192.168.1.20:4177',
      '',
      undefined,
    ]) {
      expect(isAllowedHost(host, undefined)).toBe(false);
    }
  });

  it('with --host: addresses (which cannot be rebound) and the name given; other names still refused', () => {
    expect(isAllowedHost('192.168.1.20:4177', '0.0.0.0')).toBe(true);
    expect(isAllowedHost('[fe80::1]:4177', '::')).toBe(true);
    expect(isAllowedHost('studio.lan:4177', 'studio.lan')).toBe(true);
    expect(isAllowedHost('attacker.example:4177', 'studio.lan')).toBe(false);
    expect(isAllowedHost('attacker.example', '0.0.0.0')).toBe(false);
  });
});

describe('serve: what is refused before it starts', () => {
  it('a plan that cannot be read is exit 2 in one line', async () => {
    const r = await runCli(['serve', 'no-such-plan.yaml', '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^smplan: no-such-plan\.yaml: cannot read: no such file\n/);
  });

  it('a port out of range and --as-of without --actuals are usage errors', async () => {
    expect((await runCli(['serve', 'examples/nordlys-bakeri.yaml', '--port', '70000'])).code).toBe(2);
    const r = await runCli(['serve', 'examples/nordlys-bakeri.yaml', '--as-of', '2027-03-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of, --map and --objective go with --actuals CSV');
  });
});

describe('serve --open', () => {
  it.skipIf(process.platform !== 'linux')(
    'opens the URL it prints with the desktop opener (xdg-open)',
    async () => {
      const bin = mkdtempSync(path.join(os.tmpdir(), 'smplan-open-'));
      const opened = path.join(bin, 'opened');
      writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > '${opened}'\n`);
      chmodSync(path.join(bin, 'xdg-open'), 0o755);
      try {
        const serving = await startServe(
          [path.join(EXAMPLES, 'fieldnote-software.yaml'), '--port', '0', '--open'],
          bin,
          { PATH: `${bin}:${process.env.PATH}` },
        );
        try {
          await expect
            .poll(() => existsSync(opened) && readFileSync(opened, 'utf8'), { timeout: 10_000 })
            .toBe(`${serving.url}\n`);
        } finally {
          expect(await serving.stop()).toBe(130);
        }
      } finally {
        rmSync(bin, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

describe('serve --templates', () => {
  it('renders again when a template in the folder is edited, and names a broken one', async () => {
    const { dir } = exampleCopy();
    try {
      expect(spawnCli(['templates', 'eject', 'tpl'], { cwd: dir }).code).toBe(0);
      const serving = await startServe(['plan.yaml', '--port', '0', '--templates', 'tpl'], dir);
      try {
        const chapter = path.join(dir, 'tpl/chapters/situation.md.hbs');
        writeFileSync(chapter, readFileSync(chapter, 'utf8') + '\nOur own closing line.\n');
        await serving.printed(/updated in/, 2);
        expect(await (await fetch(new URL('/document', serving.url))).text()).toContain('Our own closing line.');
        writeFileSync(chapter, '{{#if}}');
        await serving.printed(/situation\.md\.hbs {2}error {2}the template cannot be rendered/);
        expect(serving.stdout()).toMatch(/plan\.yaml: not updated \(the page keeps the last good document\)/);
        // The last good document stays.
        expect(await (await fetch(new URL('/document', serving.url))).text()).toContain('Our own closing line.');
      } finally {
        expect(await serving.stop()).toBe(130);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('serve: the watcher race', () => {
  it('misses no save that lands right after an error is shown', async () => {
    const { dir, plan } = exampleCopy();
    const original = readFileSync(plan, 'utf8');
    expect(original).toContain('    target: 6000\n');
    try {
      const serving = await startServe(['plan.yaml', '--port', '0'], dir);
      const shown = async () => (await fetch(new URL('/document', serving.url))).text();
      try {
        await serving.printed(/updated in/, 1);
        for (let round = 1; round <= 6; round++) {
          writeFileSync(plan, original.replace('    target: 6000\n', `    target: [60${round}0\n`));
          await serving.printed(/: not updated/, round);
          // The fix follows the error state at once, as a format-on-save plugin saves twice.
          writeFileSync(plan, original.replace('    target: 6000\n', `    target: 60${round}0\n`));
          // A missed save shows no update until the next one: a guard, not a timing.
          await expect.poll(shown, { timeout: 15_000 }).toContain(`6,0${round}0`);
        }
      } finally {
        expect(await serving.stop()).toBe(130);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
