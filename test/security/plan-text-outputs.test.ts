/**
 * Plan text in every output, second round (issue 14): control characters, CR/LF and markers in
 * text fields stay text in the ICS, the CSS of the running header, the HTML layout, the SVG
 * charts and on the terminal; prototype names as ids are plain ids; every number a user gives
 * is bounded; numbers compute cannot represent are refused by lint at their line.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/render/format.js';
import { EXAMPLES, hasStackTrace, runCli } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-plan-text-'));
  cpSync(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Nordlys example with edits, written as NAME in the test folder. */
function planWith(name: string, edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8'));
  edit(doc);
  writeFileSync(path.join(dir, name), doc.toString());
  return name;
}

const ESC = '\u001b]0;owned\u0007\u001b[2J';
const CONTROLS = 'a\u0000b\u0001c\u000bd\u000ce\u001bf\u007fg\u202eh';

describe('ICS', () => {
  it('escapes the plan title in the calendar name: CR/LF add no property and no event', async () => {
    const file = planWith('ics.yaml', (d) =>
      d.setIn(
        ['plan', 'title'],
        'Plan\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT\r\nX-A:\u000c',
      ),
    );
    const plain = planWith('ics-plain.yaml', (d) => d.setIn(['plan', 'title'], 'Plan'));
    const r = await runCli(['calendar', file, '--ics', '-'], { cwd: dir });
    const p = await runCli(['calendar', plain, '--ics', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines.filter((l) => /^METHOD:/.test(l))).toEqual([]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBe(
      p.stdout.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length,
    );
    expect(r.stdout).toMatch(/^X-WR-CALNAME:Plan\\nMETHOD:CANCEL\\nBEGIN:VEVENT/m);
    // No control character but the CRLF line ends.
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });

  it('keeps control characters out of every event text', async () => {
    const file = planWith('ics-controls.yaml', (d) => {
      d.setIn(['content', 'pillars', 0, 'name'], CONTROLS);
      d.setIn(['content', 'pillars', 0, 'description'], CONTROLS);
    });
    const r = await runCli(['calendar', file, '--ics', '-'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\r\n[ ]?/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });
});

describe('HTML and SVG', () => {
  it('a form feed and other control characters in the title stay inside the CSS string of the running header', async () => {
    const file = planWith('css.yaml', (d) =>
      d.setIn(['plan', 'title'], 'Plan\u000c} body { display: none } @page { x: "\u0000\n'),
    );
    const r = await runCli(['render', file, '-o', 'css-out', '--html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'css-out/plan.html'), 'utf8');
    const header = /@top-left \{ content: ("(?:[^"\\]|\\.)*"); \}/.exec(html);
    expect(header).not.toBeNull();
    expect(header![1]).not.toMatch(/[\u0000-\u001f]/);
    // The whole title, rule-like text included, is inside the one string.
    expect(header![1]).toMatch(/body \{ display: none \}/);
  });

  it("a title holding the layout's old font marker leaves the fonts in the style sheet", async () => {
    const file = planWith('marker.yaml', (d) => d.setIn(['plan', 'title'], 'Plan /* smplan: fonts */ 2027'));
    const r = await runCli(['render', file, '-o', 'marker-out', '--html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(path.join(dir, 'marker-out/plan.html'), 'utf8');
    const title = /<title>([\s\S]*?)<\/title>/.exec(html)![1]!;
    expect(title).not.toMatch(/@font-face/);
    expect(title).toContain('/* smplan: fonts */');
    expect(html).toMatch(/<style[\s\S]*@font-face[\s\S]*<\/style>/);
  });

  it('control characters in text drawn into charts leave every SVG well-formed XML', async () => {
    const file = planWith('svg.yaml', (d) => {
      d.setIn(['content', 'pillars', 0, 'name'], CONTROLS);
      d.setIn(['budget', 'items', 0, 'name'], CONTROLS);
      d.setIn(['objectives', 0, 'metric'], CONTROLS);
    });
    const r = await runCli(['render', file, '-o', 'svg-out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const charts = readdirSync(path.join(dir, 'svg-out/charts'));
    expect(charts.length).toBeGreaterThan(3);
    for (const chart of charts) {
      expect(readFileSync(path.join(dir, 'svg-out/charts', chart), 'utf8'), chart).not.toMatch(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/,
      );
    }
  });

  // Found by `npm run fuzz`: vega-lite puts sort orders into an expression, whose parser rejects U+2028.
  it('line and paragraph separators in names the charts sort by render (no internal error)', async () => {
    const file = planWith('separators.yaml', (d) => {
      d.setIn(['competitors', 0, 'name'], 'Rival\u2028Bakery');
      d.setIn(['budget', 'items', 0, 'category'], 'tool');
      d.setIn(['budget', 'items', 0, 'name'], 'Tool\u2029one');
      d.setIn(['content', 'pillars', 0, 'name'], 'Pillar\u2028one');
    });
    const r = await runCli(['render', file, '-o', 'separators-out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'separators-out/charts')).length).toBeGreaterThan(3);
  });
});

describe('the terminal', () => {
  it('shows escape sequences and bidi overrides from plan text instead of sending them', async () => {
    const file = planWith('term.yaml', (d) => {
      d.setIn(['objectives', 0, 'metric'], `reach ${ESC}`);
      d.setIn(['budget', 'items', 0, 'name'], `ads ${ESC}`);
      d.setIn(['content', 'pillars', 0, 'name'], `pillar ${ESC}`);
    });
    for (const command of ['kpi', 'budget', 'calendar']) {
      const r = await runCli([command, file], { cwd: dir, tty: true, env: { FORCE_COLOR: '1' } });
      expect(r.code, r.stderr).toBe(0);
      // Colour codes (ESC [ … m) are ours; nothing else starts with ESC or BEL.
      expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, ''), command).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(r.stdout, command).toContain('\\x1b]0;owned\\x07');
    }
  });

  it('lint output shows ESC and U+202E visibly, in stylish and in GitHub annotations', async () => {
    // A duplicate key is echoed in its finding.
    const key = '"x\\x1b]0;owned\\a\\u202e"';
    writeFileSync(path.join(dir, 'lint-term.yaml'), `smplan: 1\nplan:\n  ${key}: 1\n  ${key}: 2\n`);
    const file = 'lint-term.yaml';
    for (const format of ['stylish', 'github']) {
      const r = await runCli(['lint', file, '--format', format], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      expect(r.stdout, format).toContain('\\x1b]0;owned\\x07');
      expect(r.stdout, format).toContain('<U+202E>');
    }
  });
});

describe('ids that are names on Object.prototype', () => {
  it('a channel id `constructor` is printed as written', async () => {
    const file = planWith('ctor-channel.yaml', (d) =>
      d.setIn(['competitors', 0, 'channels', 1, 'channel'], 'constructor'),
    );
    const r = await runCli(['render', file, '-o', 'ctor-out'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const all = readdirSync(path.join(dir, 'ctor-out'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(dir, 'ctor-out', f), 'utf8'))
      .join('');
    expect(all).not.toMatch(/native code|function Object/);
  });

  it('an objective id `constructor` renders with --actuals', async () => {
    const file = planWith('ctor-objective.yaml', (d) => {
      const copy = d.getIn(['objectives', 0]) as { clone(): unknown };
      const objective = copy.clone() as { set(k: string, v: unknown): void };
      objective.set('id', 'constructor');
      d.addIn(['objectives'], objective);
    });
    writeFileSync(path.join(dir, 'ctor.csv'), 'date,objective,value\n2027-03-31,ig-folgere,5100\n');
    const r = await runCli(['render', file, '-o', 'ctor-out2', '--actuals', 'ctor.csv'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('numbers a user gives are bounded', () => {
  it.each([
    [['calendar', 'PLAN', '--weeks', '100000000'], /--weeks.*expected a whole number from 1 to 520/],
    [['calendar', 'PLAN', '--weeks', '400000'], /--weeks/],
    [['calendar', 'PLAN', '--from', '9999-12-01'], /--from.*expected a year from 1900 to 2999/],
    [['render', 'PLAN', '--pdf', '--timeout', '2147484'], /--timeout.*expected a whole number from 1 to 3,600/],
    [['render', 'PLAN', '--pdf', '--timeout', '99999999999999999999'], /--timeout/],
  ])('%j is a usage error, exit 2', async (args, message) => {
    const file = planWith('flags.yaml', () => undefined);
    const r = await runCli(
      args.map((a) => (a === 'PLAN' ? file : a)),
      { cwd: dir },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a plan end in year 9999 or a plan of 9000 years is refused at plan.end', async () => {
    for (const [end, message] of [
      ['9999-12-31', /expected a year from 1900 to 2999/],
      ['2999-12-31', /more than 10 years/],
    ] as const) {
      const file = planWith('years.yaml', (d) => d.setIn(['plan', 'end'], end));
      const r = await runCli(['calendar', file], { cwd: dir });
      expect(r.code, end).toBe(1);
      expect(r.stderr, end).toMatch(message);
      expect(r.stderr).toMatch(/years\.yaml:\d+:\d+/);
    }
  });

  it('lint refuses a 401-digit relative target and a compound curve from 1e-310, at the value', async () => {
    const huge = planWith('huge-target.yaml', (d) => d.setIn(['objectives', 1, 'target'], `+${'9'.repeat(401)}%`));
    const tiny = planWith('tiny-baseline.yaml', (d) => d.setIn(['objectives', 0, 'baseline'], 1e-310));
    const h = await runCli(['lint', huge], { cwd: dir });
    expect(h.code).toBe(1);
    expect(h.stdout).toMatch(
      /huge-target\.yaml:\d+:\d+ +error +.*too large a number to compute: write a realistic target +objective-target/,
    );
    const t = await runCli(['lint', tiny], { cwd: dir });
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/tiny-baseline\.yaml:\d+:\d+ +error +the way from a baseline of 1e-310/);
    const k = await runCli(['kpi', tiny, '--json'], { cwd: dir });
    expect(k.code).toBe(1);
  });

  it('−0 is shown as 0, not "-€0"', () => {
    const fmt = createFormatter('en', 'EUR');
    expect(fmt.money(-0)).toBe('€0');
    expect(fmt.number(-0)).toBe('0');
    expect(fmt.money(-0.001)).not.toMatch(/^-/);
  });
});

describe('text reaching a terminal, a log or a code-scanning page (third round)', () => {
  it('a file name with escape sequences is shown, not obeyed, in stylish, GitHub and error lines', async () => {
    const name = `evil\u001b]0;owned\u0007\u001b[8m\u202e.yaml`;
    writeFileSync(path.join(dir, name), 'smplan: 1\nplan:\n  a: 1\n  a: 2\n');
    try {
      for (const format of ['stylish', 'github']) {
        const r = await runCli(['lint', name, '--format', format], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
        expect(r.stdout, format).toContain('evil\\x1b]0;owned\\x07\\x1b[8m<U+202E>.yaml');
      }
      const missing = await runCli(['kpi', `${name}.missing`], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    } finally {
      rmSync(path.join(dir, name), { force: true });
    }
  });

  it('every line for a person goes through the same sanitiser: render’s progress and results name the file visibly', async () => {
    const name = 'ren\u001b]0;owned\u0007der.yaml';
    writeFileSync(path.join(dir, name), readFileSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8'));
    try {
      const r = await runCli(['render', name], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('ren\\x1b]0;owned\\x07der-strategy');
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    } finally {
      rmSync(path.join(dir, name), { force: true });
      rmSync(path.join(dir, 'ren\u001b]0;owned\u0007der-strategy'), { recursive: true, force: true });
    }
  });

  it('kpi keeps only its own colours: a plan’s SGR sequence (hidden text, 256 colours) is shown', async () => {
    const file = planWith('sgr.yaml', (d) =>
      d.setIn(['objectives', 0, 'metric'], 'reach \u001b[8mhidden\u001b[38;5;1m'),
    );
    const r = await runCli(['kpi', file], { cwd: dir, tty: true, env: { FORCE_COLOR: '1' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('\u001b[8m');
    expect(r.stdout).not.toContain('\u001b[38;5;1m');
    expect(r.stdout).toContain('\\x1b[8mhidden');
  });

  it('a SARIF suppression justification carries no raw bidi override or C1 control', async () => {
    const doc = parseDocument(readFileSync(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8'));
    doc.setIn(['budget', 'cap'], 100);
    writeFileSync(
      path.join(dir, 'justified.yaml'),
      `# smplan-disable budget-cap -- approved \u202eby\u2066 legal\u0085\u009b31m\n${doc.toString()}`,
    );
    const r = await runCli(['lint', 'justified.yaml', '--format', 'sarif'], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    const justifications = sarif.runs[0].results.flatMap(
      (x: { suppressions?: { justification?: string }[] }) => x.suppressions?.map((s) => s.justification) ?? [],
    );
    expect(justifications.length).toBeGreaterThan(0);
    for (const j of justifications) {
      expect(j).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(j).toContain('<U+202E>');
    }
  });
});
