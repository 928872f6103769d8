/**
 * Plan text is untrusted: it must come out of every artefact as text, never as markup,
 * template code or a link that runs something, and it must not make smplan read files
 * outside the plan's folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HOSTILE = {
  script: '<script>document.title="pwned"</script>',
  handler: '<img src=x onerror=alert(1)>',
  jsLink: '[click me](javascript:alert(1))',
  dataLink: '[open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  template: '{{7*7}} {{{constructor.constructor "return process"}}} {{#each this}}x{{/each}}',
  pipe: 'left | right',
  newline: 'first line\nsecond line',
  remote: '![tracker](http://127.0.0.1:9/pixel.png)',
};

const planYaml = `smplan: 1
plan:
  title: ${JSON.stringify('Strategy ' + HOSTILE.script)}
  organization: ${JSON.stringify(HOSTILE.handler)}
  locale: en
  currency: EUR
  timezone: Europe/Oslo
  start: 2027-01-01
  end: 2027-12-31
  problem: ${JSON.stringify(HOSTILE.jsLink + ' ' + HOSTILE.dataLink + ' ' + HOSTILE.remote)}
goals:
  - id: awareness
    statement: ${JSON.stringify(HOSTILE.template)}
    priority: primary
objectives:
  - id: reach
    goal: awareness
    metric: ${JSON.stringify(HOSTILE.pipe + ' ' + HOSTILE.newline)}
    baseline: 100
    target: 200
    deadline: 2027-06-30
competitors:
  - name: ${JSON.stringify(HOSTILE.script)}
    channels:
      - channel: instagram
        followers: 1000
        sample: { posts: 25, likes: 500, comments: 20, shares: 5 }
        tone: ${JSON.stringify(HOSTILE.handler + ' ' + HOSTILE.pipe)}
budget:
  cap: 1000
  items:
    - name: ${JSON.stringify(HOSTILE.template)}
      category: tool
      cost: 10
      per: month
      roi: short
`;

let dir: string;
let out: string;
const files = new Map<string, string>();

function walk(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const p = path.join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-hostile-'));
  writeFileSync(path.join(dir, 'plan.yaml'), planYaml);
  out = path.join(dir, 'out');
  const r = await runCli(['render', path.join(dir, 'plan.yaml'), '-o', out, '--html']);
  expect(r.code, r.stderr).toBe(0);
  for (const file of walk(out)) files.set(path.relative(out, file), readFileSync(file, 'utf8'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile plan text', () => {
  it('writes only inside the output folder', () => {
    for (const name of files.keys()) expect(name.startsWith('..')).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['out', 'plan.yaml']);
  });

  it('never evaluates Handlebars expressions written in the plan', () => {
    const all = [...files.values()].join('\n');
    expect(all).not.toContain('[object Object]');
    expect(all).not.toMatch(/process\.env|function anonymous/);
    // Wherever the goal statement appears, it appears whole, as written.
    const shown = all.split('\n').filter((line) => line.includes('constructor.constructor'));
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) expect(line).toMatch(/\{\{7\\?\*7\}\}|&#123;&#123;7\*7|\{\{7\*7/);
  });

  it('keeps Markdown tables intact: a pipe or newline in a cell does not add columns or rows', () => {
    for (const [name, text] of files) {
      if (!name.endsWith('.md')) continue;
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!/^\|.*\|\s*$/.test(lines[i]!) || !/^\|\s*:?-{3,}/.test(lines[i + 1] ?? '')) continue;
        const columns = (row: string) => row.replace(/\\\|/g, '').split('|').length;
        const width = columns(lines[i]!);
        for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) {
          expect(columns(lines[j]!), `${name}:${j + 1}: ${lines[j]}`).toBe(width);
        }
      }
    }
  });

  it('puts no raw HTML from the plan into Markdown', () => {
    for (const [name, text] of files) {
      if (!name.endsWith('.md')) continue;
      // `\<script\>` is literal text in Markdown; an unescaped tag would be raw HTML.
      expect(text, name).not.toMatch(/(?<!\\)<script/i);
      expect(text, name).not.toMatch(/(?<!\\)<img[^>]*onerror/i);
      // A link is live only when its brackets are not escaped.
      expect(text, name).not.toMatch(/(?<!\\)\]\(javascript:/i);
      expect(text, name).not.toMatch(/(?<!\\)\]\(data:text/i);
      expect(text, name).not.toMatch(/(?<!\\)!\[[^\]]*(?<!\\)\]\(http:\/\/127\.0\.0\.1/);
    }
  });

  it('produces HTML with no script, no event handler, no javascript: or remote URL', () => {
    const html = files.get('plan.html')!;
    expect(html).toBeDefined();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|vbscript):/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*data:text/i);
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/url\(\s*["']?https?:/i);
    // The hostile text is shown, escaped.
    expect(html).toContain('&lt;script&gt;');
  });

  it('SVG charts carry no script or event handler either', () => {
    for (const [name, text] of files) {
      if (!name.endsWith('.svg')) continue;
      expect(text, name).not.toMatch(/<script|\son[a-z]+\s*=|javascript:|href="http/i);
    }
  });
});

describe('posts_csv paths', () => {
  it('refuses a CSV outside the plan folder, relative or absolute, without reading it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'smplan-traversal-'));
    try {
      writeFileSync(path.join(root, 'secret.csv'), 'likes,comments,shares\n1,2,3\n');
      mkdirSync(path.join(root, 'plans'));
      for (const ref of ['../secret.csv', path.join(root, 'secret.csv'), 'data/../../secret.csv']) {
        const plan = planYaml.replace(
          'sample: { posts: 25, likes: 500, comments: 20, shares: 5 }',
          `posts_csv: ${JSON.stringify(ref)}`,
        );
        const file = path.join(root, 'plans', 'plan.yaml');
        writeFileSync(file, plan);
        const r = await runCli(['lint', '--format', 'json', file]);
        expect(r.code, ref).toBe(1);
        const findings = JSON.parse(r.stdout) as { rule: string; message: string; line: number }[];
        const csv = findings.find((f) => f.rule === 'posts-csv');
        expect(csv?.message, ref).toMatch(/inside the plan folder|outside the plan folder/);
        expect(csv?.line).toBeGreaterThan(1);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses ids that could become paths (chart file names come from ids)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'smplan-ids-'));
    try {
      const file = path.join(root, 'plan.yaml');
      writeFileSync(file, planYaml.replace('  - id: reach', '  - id: ../../escape'));
      const r = await runCli(['render', file, '-o', path.join(root, 'out')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/lower-case id/);
      expect(readdirSync(root)).toEqual(['plan.yaml']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
