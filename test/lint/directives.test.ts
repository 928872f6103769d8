import { describe, expect, it } from 'vitest';
import { applyDirectives } from '../../src/lint/directives.js';
import type { Finding } from '../../src/diagnostics.js';
import { formatSarif } from '../../src/lint/formatters/sarif.js';

const finding = (line: number, rule = 'post-sample-size', severity: Finding['severity'] = 'warning'): Finding => ({
  file: 'plan.yaml',
  line,
  column: 3,
  severity,
  rule,
  message: `${rule} at ${line}`,
  path: '',
});
const options = {
  suppressible: (rule: string) => rule !== 'references',
  knownRules: ['post-sample-size', 'competitor-count', 'references', 'budget-cap'],
  reportUnused: true,
};
const lines = (...text: string[]) => text.join('\n') + '\n';

describe('inline disables', () => {
  it('disable-next-line silences the next line only, with the reason kept for SARIF', async () => {
    const text = lines(
      'a: 1',
      '# smplan-disable-next-line post-sample-size -- three posts is all a new café has',
      'b: 2',
      'c: 3',
    );
    const r = await applyDirectives('plan.yaml', text, [finding(3), finding(4)], options);
    expect(r.findings.map((f) => f.line)).toEqual([4]);
    expect(r.suppressed).toEqual([{ ...finding(3), justification: 'three posts is all a new café has' }]);
  });

  it('disable-line silences its own line; several ids are allowed', async () => {
    const text = lines('a: 1', 'b: 2   # smplan-disable-line post-sample-size, budget-cap');
    const r = await applyDirectives('plan.yaml', text, [finding(2), finding(2, 'budget-cap'), finding(1)], options);
    expect(r.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['post-sample-size@1']);
    expect(r.suppressed).toHaveLength(2);
  });

  it('disable covers the whole file; without ids it covers every rule', async () => {
    const text = lines('# smplan-disable competitor-count', 'a: 1');
    const r = await applyDirectives(
      'plan.yaml',
      text,
      [finding(1, 'competitor-count'), finding(9, 'competitor-count'), finding(9)],
      options,
    );
    expect(r.findings.map((f) => f.rule)).toEqual(['post-sample-size']);
    const all = await applyDirectives(
      'plan.yaml',
      lines('# smplan-disable', 'a: 1'),
      [finding(2), finding(5, 'budget-cap')],
      options,
    );
    expect(all.findings).toEqual([]);
  });

  it('never silences a finding that means the plan cannot be read or computed', async () => {
    const r = await applyDirectives(
      'plan.yaml',
      lines('# smplan-disable', 'a: 1'),
      [finding(2, 'references', 'error')],
      options,
    );
    expect(r.findings.map((f) => f.rule)).toEqual(['references', 'unused-disable']);
    const named = await applyDirectives(
      'plan.yaml',
      lines('a: 1 # smplan-disable-line references'),
      [finding(1, 'references', 'error')],
      options,
    );
    expect(named.findings.map((f) => f.message)).toContain(
      'smplan-disable cannot silence "references": its findings mean the plan cannot be read or computed',
    );
  });

  it('reports a directive that suppresses nothing, or names an unknown rule, at its own line and column', async () => {
    const text = lines(
      'a: 1',
      '  # smplan-disable-next-line budget-cap',
      'b: 2',
      'c: 3 # smplan-disable-line post-sampel-size',
    );
    const r = await applyDirectives('plan.yaml', text, [], options);
    expect(r.findings).toEqual([
      {
        file: 'plan.yaml',
        line: 2,
        column: 3,
        severity: 'warning',
        rule: 'unused-disable',
        message: 'smplan-disable for budget-cap suppresses nothing on the next line: remove it',
        path: '',
      },
      {
        file: 'plan.yaml',
        line: 4,
        column: 6,
        severity: 'warning',
        rule: 'unused-disable',
        message: 'smplan-disable names an unknown rule "post-sampel-size": did you mean "post-sample-size"?',
        path: '',
      },
    ]);
    const quiet = await applyDirectives('plan.yaml', text, [], { ...options, reportUnused: false });
    expect(quiet.findings).toEqual([]);
  });

  it('text that only looks like a directive (in quotes or a block scalar) is not one', async () => {
    const text = lines(
      'a: "x # smplan-disable-line post-sample-size"',
      'b: |',
      '  # smplan-disable',
      '  text',
      "c: 'y # smplan-disable'",
    );
    const r = await applyDirectives('plan.yaml', text, [finding(1), finding(3), finding(5)], options);
    expect(r.findings).toHaveLength(3);
    expect(r.suppressed).toEqual([]);
  });

  it('SARIF lists suppressed findings as dismissed results (suppressions, kind inSource) and nothing else does', () => {
    const sarif = JSON.parse(formatSarif([finding(4)], [{ ...finding(3), justification: 'why' }]));
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(2);
    expect(results[0].suppressions).toBeUndefined();
    expect(results[1].suppressions).toEqual([{ kind: 'inSource', justification: 'why' }]);
  });
});
