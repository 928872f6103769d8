import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/lint/catalog.js';
import type { Finding } from '../../src/diagnostics.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/lint/formatters/github.js';
import { formatters } from '../../src/lint/formatters/index.js';
import { formatJunit } from '../../src/lint/formatters/junit.js';
import { formatSarif } from '../../src/lint/formatters/sarif.js';
import { formatStylish } from '../../src/lint/formatters/stylish.js';
import { visible } from '../../src/terminal.js';
import { runCli } from '../helpers/cli.js';
import { completePlan, FIXTURES, lintText } from './helpers.js';
import { parseXml } from './xml.js';
import { stringify } from 'yaml';

const nasty = 'a <b> & "c" \'d\' 100% done,\r\nnext: line \u0007 ]]> end';

const findings: Finding[] = [
  {
    file: 'plans/a,b:c.yaml',
    line: 3,
    column: 7,
    severity: 'error',
    rule: 'schema-type',
    message: nasty,
    path: 'objectives[0].baseline',
  },
  {
    file: 'plans/a,b:c.yaml',
    line: 9,
    column: 1,
    severity: 'warning',
    rule: 'goal-count',
    message: '3 primary goals',
    path: 'goals[2].priority',
  },
  {
    file: 'other.yaml',
    line: 1,
    column: 1,
    severity: 'warning',
    rule: 'open-point',
    message: 'team: not decided yet: the team',
    path: 'team',
  },
];

describe('github format', () => {
  it('writes one workflow command per finding', () => {
    const lines = formatGithub(findings).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      '::error file=plans/a%2Cb%3Ac.yaml,line=3,col=7,title=schema-type::a <b> & "c" \'d\' 100%25 done,%0D%0Anext: line \\x07 ]]> end',
      '::warning file=plans/a%2Cb%3Ac.yaml,line=9,col=1,title=goal-count::3 primary goals',
      '::warning file=other.yaml,line=1,col=1,title=open-point::team: not decided yet: the team',
    ]);
  });

  it('escapes as the Actions toolkit does: % first, then CR and LF; properties also : and ,', () => {
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A');
    expect(escapeData('%0A')).toBe('%250A'); // not decoded back into a newline by the runner
    expect(escapeProperty('C:\\plans,x.yaml')).toBe('C%3A\\plans%2Cx.yaml');
  });

  it('prints nothing for no findings', () => {
    expect(formatGithub([])).toBe('');
  });
});

describe('junit format', () => {
  it('is well-formed XML: one suite per file, a failing case per finding, passing files listed', () => {
    const xml = formatJunit(findings, { files: ['plans/a,b:c.yaml', 'clean.yaml', 'other.yaml'] });
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '4', failures: '3', errors: '0' });
    expect(root.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures])).toEqual([
      ['plans/a,b:c.yaml', '2', '2'],
      ['clean.yaml', '1', '0'],
      ['other.yaml', '1', '1'],
    ]);
    const [first] = root.children[0]!.children;
    const failure = first!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes.type).toBe('error');
    // The message survives escaping (control characters made visible, one line).
    expect(failure.attributes.message).toBe('a <b> & "c" \'d\' 100% done, next: line \\x07 ]]> end');
    expect(failure.text).toContain('plans/a,b:c.yaml:3:7  error');
    expect(failure.text).toContain('at objectives[0].baseline');
    expect(root.children[1]!.children[0]!.children).toEqual([]);
    expect(root.children[2]!.children[0]!.children[0]!.attributes.type).toBe('warning');
  });

  it('replaces characters XML cannot hold, such as a lone surrogate', () => {
    const xml = formatJunit([{ ...findings[2]!, message: 'bad \ud800 char \uffff' }], { files: ['other.yaml'] });
    expect(() => parseXml(xml)).not.toThrow();
    expect(xml).toContain('bad \ufffd char \ufffd');
  });

  it('lists every file as passing when there is nothing to report', () => {
    const root = parseXml(formatJunit([], { files: ['a.yaml', 'b.yaml'] }));
    expect(root.attributes).toMatchObject({ tests: '2', failures: '0' });
  });
});

describe('sarif format', () => {
  const log = JSON.parse(formatSarif(findings)) as {
    version: string;
    $schema: string;
    runs: {
      tool: {
        driver: {
          name: string;
          rules: {
            id: string;
            shortDescription: { text: string };
            defaultConfiguration: { level: string };
            properties: { method: string; tags: string[] };
          }[];
        };
      };
      results: {
        ruleId: string;
        ruleIndex: number;
        level: string;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string; uriBaseId?: string };
            region: { startLine: number; startColumn: number };
          };
        }[];
      }[];
    }[];
  };

  it('is SARIF 2.1.0 with every rule smplan knows, and its method section', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('smplan');
    expect(driver.rules.map((r) => r.id)).toEqual(ruleCatalog().map((r) => r.id));
    const goalCount = driver.rules.find((r) => r.id === 'goal-count')!;
    expect(goalCount.properties.method).toBe('§2 Objectives (business goals)');
    expect(goalCount.defaultConfiguration.level).toBe('warning');
    expect(goalCount.shortDescription.text).toMatch(/at most 2 primary/);
    expect(driver.rules.find((r) => r.id === 'yaml-syntax')!.properties).toMatchObject({ tags: ['smplan', 'format'] });
    expect(goalCount.properties).toMatchObject({ tags: ['smplan', 'method'] });
  });

  it('has one result per finding, at its file, line and column, pointing at its rule', () => {
    const { results, tool } = log.runs[0]!;
    expect(results).toHaveLength(3);
    for (const [i, r] of results.entries()) {
      expect(tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.level).toBe(findings[i]!.severity);
      // Shown as text: the bell and the carriage return of `nasty` are written out, the line break kept.
      expect(r.message.text).toBe(visible(findings[i]!.message));
    }
    expect(results[0]!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'plans/a%2Cb%3Ac.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 7 },
    });
  });

  it('gives absolute paths as file:// URIs and has a descriptor even for an unknown rule id', () => {
    const out = JSON.parse(
      formatSarif([{ ...findings[2]!, file: '/tmp/my plan.yaml', rule: 'future-rule' }]),
    ) as typeof log;
    const run = out.runs[0]!;
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'file:///tmp/my%20plan.yaml',
    });
    expect(run.tool.driver.rules[run.results[0]!.ruleIndex]!.id).toBe('future-rule');
  });
});

describe('json format', () => {
  it('is the contract array of {file, line, column, severity, rule, message, path}', () => {
    const out = JSON.parse(formatters.json!(findings, { files: [] })) as Finding[];
    expect(out).toEqual(findings);
    expect(Object.keys(out[0]!)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message', 'path']);
  });
});

describe('the XML check used above', () => {
  it('rejects what is not well-formed', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a x="1" x="2"/>',
      '<a>1 & 2</a>',
      '<a x="<"/>',
      '<a/><b/>',
      '<a>',
      '<a>\u0001</a>',
      '<a>&nbsp;</a>',
    ]) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<?xml version="1.0"?>\n<a x="&quot;&#10;"><b/>t&amp;</a>')).toMatchObject({
      attributes: { x: '"\n' },
      text: 't&',
    });
  });
});

describe('plan text in every format', () => {
  /** A bidirectional override, a bell, C1's CSI, a title-setting OSC and a colour: all from the plan. */
  const HOSTILE = 'x\u202eevil\u0007\u009b2J\u001b]0;owned\u0007\u001b[31mred\u2066';
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

  /** A plan whose ids, keys and file name carry HOSTILE: messages quote them, paths name them. */
  async function hostileFindings(): Promise<Finding[]> {
    const plan = completePlan();
    plan.objectives[0].goal = `sales${HOSTILE}`;
    plan.objectives[1][`key${HOSTILE}`] = 1;
    const found = await lintText(stringify(plan, { lineWidth: 0 }), `plans/${HOSTILE}.yaml`);
    expect(found.map((f) => f.rule)).toEqual(expect.arrayContaining(['schema-value', 'unknown-key']));
    expect(found.some((f) => f.message.includes(HOSTILE))).toBe(true);
    return found;
  }

  /** Every string in a parsed JSON document. */
  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
    return [];
  }

  it('reaches no output raw: controls, escapes and overrides are shown in every format', async () => {
    const found = await hostileFindings();
    const context = { files: [found[0]!.file] };
    const outputs: Record<string, string> = { stylish: formatStylish(found, { color: false }) };
    for (const [name, format] of Object.entries(formatters)) outputs[name] = format(found, context);
    for (const [name, text] of Object.entries(outputs)) expect(text.match(UNSAFE), name).toBeNull();
  });

  it('SARIF and GitLab hold no such character in any field, and show where it was', async () => {
    const found = await hostileFindings();
    for (const name of ['sarif', 'gitlab']) {
      const values = strings(JSON.parse(formatters[name]!(found, { files: [] })));
      expect(
        values.filter((v) => UNSAFE.test(v)),
        name,
      ).toEqual([]);
      expect(
        values.some((v) => v.includes('x<U+202E>evil\\x07\\x9b2J\\x1b]0;owned\\x07\\x1b[31mred<U+2066>')),
        name,
      ).toBe(true);
    }
    const sarif = JSON.parse(formatters.sarif!(found, { files: [] })) as {
      runs: { results: { locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[];
    };
    const paths = sarif.runs[0]!.results.flatMap((r) => r.locations[0]!.logicalLocations ?? []);
    expect(paths.map((l) => l.fullyQualifiedName)).toContain(`objectives[1].${visible(`key${HOSTILE}`)}`);
  });

  it('JSON keeps every character of the data, written as \\u escapes', async () => {
    const found = await hostileFindings();
    const text = formatters.json!(found, { files: [] });
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(found);
  });

  it('JUnit shows them in file names, rule ids, paths and messages', async () => {
    const found = await hostileFindings();
    const root = parseXml(formatJunit(found, { files: [] }));
    const suite = root.children[0]!;
    expect(suite.attributes.name).toBe(`plans/${visible(HOSTILE)}.yaml`);
    for (const testcase of suite.children) {
      const failure = testcase.children[0]!;
      for (const text of [
        testcase.attributes.classname,
        testcase.attributes.name,
        failure.attributes.message,
        failure.text,
      ])
        expect(text?.match(UNSAFE) ?? null).toBeNull();
    }
  });
});

describe('plan file names in the stylish summary of many plans', () => {
  it('are shown, not obeyed, on every line that names them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-names-'));
    try {
      const complete = readFileSync(path.join(FIXTURES, 'complete.yaml'), 'utf8');
      cpSync(path.join(FIXTURES, 'data'), path.join(dir, 'data'), { recursive: true });
      for (const name of ['a\u202e.yaml', 'b\u001b]0;owned\u0007.yaml']) writeFileSync(path.join(dir, name), complete);
      const r = await runCli(['lint', '.'], { cwd: dir });
      expect(r.code).toBe(0);
      // One readiness line per plan, each naming its plan.
      expect(r.stdout).toContain('a<U+202E>.yaml: 12 of 12 sections complete');
      expect(r.stdout).toContain('b\\x1b]0;owned\\x07.yaml: 12 of 12 sections complete');
      expect(r.stdout.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
