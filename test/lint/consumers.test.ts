/**
 * The machine lint formats, checked with the validators of the tools that read them:
 * SARIF against the OASIS 2.1.0 schema (ajv) and Microsoft's SARIF Multitool with GitHub's
 * rules (what code scanning requires); JUnit against the Jenkins xUnit junit-10.xsd (xmllint).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics.js';
import type { SuppressedFinding } from '../../src/lint/directives.js';
import { formatJunit } from '../../src/lint/formatters/junit.js';
import { formatSarif } from '../../src/lint/formatters/sarif.js';
import { ROOT } from '../helpers/cli.js';
import { FORMULA_TEXT, q, UNTRUSTED_TEXT } from '../helpers/untrusted.js';
import { lintText } from './helpers.js';
import { parseXml } from './xml.js';

const VALIDATORS = path.join(ROOT, 'test/fixtures/validators');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-consumers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A plan as `smplan init --minimal` leaves it (nine missing sections), with untrusted text. */
const PLAN = `smplan: 1
plan:
  title: ${q(UNTRUSTED_TEXT)}
  organization: ${q(FORMULA_TEXT)}
  locale: nb
  currency: NOK
  timezone: Europe/Oslo
  start: 2027-01-01
  end: 2027-12-31
goals:
  - id: awareness
    statement: ${q(UNTRUSTED_TEXT)}
    priority: primary
objectives:
  - id: o1
    goal: awareness
    metric: ${q(UNTRUSTED_TEXT)}
    baseline: 10
    target: 10
    deadline: 2027-06-30
`;

async function planFindings(): Promise<Finding[]> {
  const found = await lintText(PLAN, 'plans/nordlys, «ferskt»; 🥐.yaml');
  const twice: Finding = {
    file: 'plans/b.yaml',
    line: 2,
    column: 3,
    severity: 'error',
    rule: 'schema-type',
    message: UNTRUSTED_TEXT,
    path: 'plan.title',
  };
  return [...found, twice, { ...twice }, { ...twice, message: `${UNTRUSTED_TEXT} (2)` }];
}

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('junit → Jenkins xUnit / GitLab', () => {
  it.skipIf(!hasXmllint && !process.env.CI)('validates against junit-10.xsd with xmllint', async () => {
    const file = path.join(tmp, 'lint.xml');
    writeFileSync(file, formatJunit(await planFindings(), { files: ['clean.yaml'] }));
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(VALIDATORS, 'junit-10.xsd'), file], {
      encoding: 'utf8',
    });
    expect(r.stderr.trim()).toBe(`${file} validates`);
    expect(r.status).toBe(0);
  });

  it('names every test case uniquely and readably: rule, position and message', async () => {
    const findings = await planFindings();
    const root = parseXml(formatJunit(findings, { files: [] }));
    const names = root.children.flatMap((suite) =>
      suite.children.map((c) => `${suite.attributes.name} ${c.attributes.name}`),
    );
    expect(names).toHaveLength(findings.length);
    expect(new Set(names).size).toBe(names.length);
    const missing = names.filter((n) => n.includes(' open-point '));
    expect(missing.length).toBeGreaterThanOrEqual(9);
    expect(missing).toContain(
      'plans/nordlys, «ferskt»; 🥐.yaml open-point 1:1 team: not decided yet: the team; the method asks for roles with clear responsibilities, daily and weekly tasks with an owner, and an escalation routine for questions the community manager cannot answer',
    );
    const repeats = names.filter((n) => n.startsWith('plans/b.yaml'));
    // A repeat gets a number, also when a message already ends like one.
    expect(repeats).toEqual([repeats[0], `${repeats[0]} (2)`, `${repeats[0]} (2) (2)`]);
    expect(repeats[0]).toBe(`plans/b.yaml schema-type 2:3 ${UNTRUSTED_TEXT.replace(/[\t\n]+/g, ' ')}`);
  });
});

describe('sarif → GitHub code scanning', () => {
  /** One finding silenced in the plan, with its reason: a result with an in-source suppression. */
  const suppressed: SuppressedFinding[] = [
    {
      file: 'plans/b.yaml',
      line: 7,
      column: 1,
      severity: 'warning',
      rule: 'goal-count',
      message: UNTRUSTED_TEXT,
      path: 'goals',
      justification: `Avtalt; ${FORMULA_TEXT}`,
    },
  ];
  const sarif = async () => formatSarif(await planFindings(), suppressed);
  const log = async () => JSON.parse(await sarif()) as SarifLog;

  it('validates against the OASIS SARIF 2.1.0 schema (ajv)', async () => {
    const schema = JSON.parse(readFileSync(path.join(VALIDATORS, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    // CommonJS default export: the class is .default under NodeNext resolution.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const ok = validate(await log());
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('gives every rule what GitHub requires and every result its own fingerprint', async () => {
    const { runs } = await log();
    const run = runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription.text, rule.id).toContain(rule.shortDescription.text);
      expect(rule.help.text, rule.id).toContain(rule.helpUri);
      expect(rule.helpUri).toBe(`https://github.com/smplan/smplan/blob/main/docs/rules.md#${rule.id}`);
    }
    const fingerprints = run.results.map((r) => r.partialFingerprints['smplanFinding/v1']);
    expect(new Set(fingerprints).size).toBe(run.results.length);
    // The anchors helpUri points at exist in the rules reference.
    const doc = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    for (const rule of run.tool.driver.rules) expect(doc).toContain(`<a id="${rule.id}"></a>`);
  });

  it("keeps a finding's fingerprint when its line moves", async () => {
    const moved = (await planFindings()).map((f) => ({ ...f, line: f.line + 5 }));
    const before = (await log()).runs[0]!.results.map((r) => r.partialFingerprints['smplanFinding/v1']);
    const after = (JSON.parse(formatSarif(moved, suppressed)) as SarifLog).runs[0]!.results.map(
      (r) => r.partialFingerprints['smplanFinding/v1'],
    );
    expect(after).toEqual(before);
  });

  const multitool = multitoolBinary();
  it.skipIf(!multitool && !process.env.CI)(
    "passes the SARIF Multitool with GitHub's rules: no error, no warning",
    async () => {
      const input = path.join(tmp, 'lint.sarif');
      const output = path.join(tmp, 'multitool.sarif');
      writeFileSync(input, await sarif());
      const r = spawnSync(
        multitool!,
        ['validate', input, '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', '-o', output],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, HOME: tmp, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
          timeout: 120_000,
        },
      );
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(output, 'utf8')) as {
        runs: { results: { ruleId: string; message: { text?: string } }[] }[];
      };
      expect(report.runs[0]!.results.map((x) => `${x.ruleId}: ${x.message.text ?? ''}`)).toEqual([]);
    },
    150_000,
  );
});

/**
 * The Multitool's Linux build (an npm devDependency) is one self-contained binary whose install
 * script only sets its execute bit; npm skips install scripts, so the test runs a copy it marks executable.
 */
function multitoolBinary(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
    const copy = path.join(tmp, 'Sarif.Multitool');
    copyFileSync(path.join(dir, 'Sarif.Multitool'), copy);
    chmodSync(copy, 0o755);
    return copy;
  } catch {
    return undefined;
  }
}

interface SarifLog {
  runs: {
    columnKind: string;
    tool: {
      driver: {
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          helpUri: string;
        }[];
      };
    };
    results: { partialFingerprints: Record<string, string> }[];
  }[];
}
