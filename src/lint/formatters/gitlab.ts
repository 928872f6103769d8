import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Finding } from '../../diagnostics.js';
import { jsonVisible, visible } from '../../terminal.js';

/**
 * GitLab Code Quality (the Code Climate JSON subset GitLab reads: description, check_name,
 * fingerprint, severity, location.path, location.lines.begin), so findings show in the merge
 * request's diff. Errors are `major` (the plan cannot be computed), warnings `minor` (advice).
 * Plan text and file names are shown, not obeyed (controls, bidirectional overrides), as in every format.
 */
export function formatGitlab(findings: Finding[], cwd?: string): string {
  // The fingerprint names the finding, not its line, so an edit above it does not make it new;
  // the same finding twice in one file is told apart by its occurrence.
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    // By the path GitLab shows, so a plan named another way (./a.yaml, /builds/…/a.yaml) keeps its findings' identity.
    const file = repositoryPath(f.file, cwd);
    const identity = [file, f.rule, f.path, f.message].join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      type: 'issue',
      description: visible(f.message),
      check_name: visible(f.rule),
      fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex').slice(0, 32),
      severity: f.severity === 'error' ? 'major' : 'minor',
      location: { path: visible(file), lines: { begin: f.line } },
    };
  });
  return jsonVisible(JSON.stringify(issues, null, 2)) + '\n';
}

/** GitLab places a finding by its path in the repository, written without "./" and with "/". */
function repositoryPath(file: string, cwd: string | undefined): string {
  const inside = cwd && path.isAbsolute(file) ? path.relative(cwd, file) : file;
  const relative = inside.startsWith('..') || path.isAbsolute(inside) ? file : inside;
  return path.posix.normalize(relative.split('\\').join('/')).replace(/^(\.\/)+/, '');
}
