import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnostics.js';
import { formatGitlab } from '../../src/lint/formatters/gitlab.js';
import { runCli } from '../helpers/cli.js';

const finding = (line: number, over: Partial<Finding> = {}): Finding => ({
  file: 'plans/a.yaml',
  line,
  column: 3,
  severity: 'warning',
  rule: 'missing-section',
  message: 'no team section yet',
  path: '',
  ...over,
});

// GitLab's documented Code Quality fields: description, check_name, fingerprint, severity
// (info|minor|major|critical|blocker), location.path, location.lines.begin.
const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

describe('gitlab format (Code Quality report)', () => {
  it('writes the fields GitLab reads, one issue per finding', () => {
    const issues = JSON.parse(
      formatGitlab([
        finding(4),
        finding(9, {
          severity: 'error',
          rule: 'schema-type',
          message: 'expected a number',
          path: 'objectives[0].baseline',
        }),
      ]),
    );
    expect(issues).toHaveLength(2);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual([
        'check_name',
        'description',
        'fingerprint',
        'location',
        'severity',
        'type',
      ]);
      expect(SEVERITIES).toContain(issue.severity);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    expect(issues[1]).toMatchObject({
      check_name: 'schema-type',
      description: 'expected a number',
      severity: 'major',
      location: { path: 'plans/a.yaml', lines: { begin: 9 } },
    });
    expect(issues[0].severity).toBe('minor');
  });

  it('gives every finding its own fingerprint, stable when lines move', () => {
    const twice = JSON.parse(formatGitlab([finding(4), finding(4)]));
    expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    const moved = JSON.parse(formatGitlab([finding(40), finding(41)]));
    expect(moved.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(
      twice.map((i: { fingerprint: string }) => i.fingerprint),
    );
  });

  it('writes each path as GitLab places it: relative to the checkout, with "/" and no "./"', () => {
    const paths = (files: string[], cwd?: string) =>
      JSON.parse(
        formatGitlab(
          files.map((file) => finding(1, { file })),
          cwd,
        ),
      ).map((i: { location: { path: string } }) => i.location.path);
    expect(paths(['./plans/a.yaml', 'plans\\b.yaml', 'plans/./c.yaml'])).toEqual([
      'plans/a.yaml',
      'plans/b.yaml',
      'plans/c.yaml',
    ]);
    expect(paths(['/builds/team/site/plans/a.yaml', '/elsewhere/b.yaml'], '/builds/team/site')).toEqual([
      'plans/a.yaml',
      '/elsewhere/b.yaml',
    ]);
    // The fingerprint follows the path shown: another spelling of the plan is the same finding.
    const fingerprints = ['plans/a.yaml', './plans/a.yaml', '/builds/team/site/plans/a.yaml'].map(
      (file) => JSON.parse(formatGitlab([finding(1, { file })], '/builds/team/site'))[0].fingerprint,
    );
    expect(new Set(fingerprints).size).toBe(1);
  });

  it('is an empty array for a clean plan, and selectable with --format gitlab', async () => {
    expect(JSON.parse(formatGitlab([]))).toEqual([]);
    const r = await runCli(['lint', '--format', 'gitlab', 'examples/fieldnote-software.yaml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });
});
