import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACCEPTANCE, ROOT, runCli } from '../helpers/cli.js';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-templates-'));
  return () => rmSync(tmp, { recursive: true, force: true });
});

const builtin = (folder: string) =>
  readdirSync(path.join(ROOT, 'templates', folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(path.join(ROOT, 'templates'), path.join(e.parentPath, e.name)))
    .sort();

describe('smplan templates eject', () => {
  it('copies chapters, partials and document templates and lists what it wrote', async () => {
    const r = await runCli(['templates', 'eject', 'mine'], { cwd: tmp });
    expect(r.code).toBe(0);
    const expected = [...builtin('chapters'), ...builtin('partials'), ...builtin('document')];
    expect(expected).toContain('document/layout.html.hbs');
    expect(expected).toContain('document/print.css');
    expect(r.stdout.trim().split('\n')).toEqual(expected.map((f) => `Wrote ${path.join('mine', f)}`));
    for (const f of expected)
      expect(readFileSync(path.join(tmp, 'mine', f), 'utf8')).toBe(
        readFileSync(path.join(ROOT, 'templates', f), 'utf8'),
      );
    expect(r.stderr).toContain('--templates mine');
  });

  it('refuses to overwrite without --force, and writes nothing then', async () => {
    await runCli(['templates', 'eject', 'mine'], { cwd: tmp });
    writeFileSync(path.join(tmp, 'mine/document/print.css'), 'body { color: red }');
    const r = await runCli(['templates', 'eject', 'mine'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/files already exist: mine\/chapters\//);
    expect(r.stderr).toMatch(/--force/);
    expect(readFileSync(path.join(tmp, 'mine/document/print.css'), 'utf8')).toBe('body { color: red }');
    const forced = await runCli(['templates', 'eject', 'mine', '--force'], { cwd: tmp });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(tmp, 'mine/document/print.css'), 'utf8')).not.toContain('color: red');
  });

  it('render --templates uses the edited document templates and falls back for deleted ones', async () => {
    cpSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(tmp, 'kaffebar.yaml'));
    cpSync(path.join(ACCEPTANCE, 'data'), path.join(tmp, 'data'), { recursive: true });
    await runCli(['templates', 'eject', 'mine'], { cwd: tmp });
    writeFileSync(
      path.join(tmp, 'mine/document/print.css'),
      '.cover { border-top: 12px solid #c0392b; } /* house style */',
    );
    rmSync(path.join(tmp, 'mine/document/messages.json'));
    const r = await runCli(['render', 'kaffebar.yaml', '-o', 'out', '--html', '--templates', 'mine'], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(tmp, 'out/plan.html'), 'utf8');
    expect(html).toContain('/* house style */');
    expect(html).not.toContain('--accent: #1f5c8b');
    expect(html).toContain('"Page " counter(page) " of " counter(pages)');
  });

  it('render --templates with a folder that does not exist is a usage error', async () => {
    cpSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(tmp, 'kaffebar.yaml'));
    const r = await runCli(['render', 'kaffebar.yaml', '--templates', 'nope'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--templates nope: no such folder/);
    expect(existsSync(path.join(tmp, 'kaffebar-strategy'))).toBe(false);
  });

  it.each([
    [
      'document/layout.html.hbs',
      '{{#if cover}} unclosed',
      /mine\/document\/layout\.html\.hbs: cannot be used: Parse error on line \d+: Expecting .*got 'EOF'/,
    ],
    [
      'partials/bullets.hbs',
      '{{#each items}}',
      /mine\/partials\/bullets\.hbs: the partial cannot be compiled: Parse error on line \d+:/,
    ],
    [
      'chapters/budget.md.hbs',
      '{{/if}}',
      /mine\/chapters\/budget\.md\.hbs: the template cannot be rendered: Parse error/,
    ],
    ['document/messages.json', '{ "en": ', /mine\/document\/messages\.json: cannot be used: /],
  ])(
    'an edited %s that breaks is a usage error naming the file, and the output stays as it was',
    async (file, broken, message) => {
      cpSync(path.join(ACCEPTANCE, 'kaffebar.yaml'), path.join(tmp, 'kaffebar.yaml'));
      cpSync(path.join(ACCEPTANCE, 'data'), path.join(tmp, 'data'), { recursive: true });
      await runCli(['templates', 'eject', 'mine'], { cwd: tmp });
      writeFileSync(path.join(tmp, 'mine', file), broken, { flag: file.endsWith('.json') ? 'w' : 'a' });
      const r = await runCli(['render', 'kaffebar.yaml', '-o', 'out', '--html', '--templates', 'mine'], { cwd: tmp });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(existsSync(path.join(tmp, 'out'))).toBe(false);
    },
  );
});
