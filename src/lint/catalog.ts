/** Every rule id a finding can carry: the loader's (YAML, schema, files) and the method rules. */
import type { Severity } from '../diagnostics.js';
import { rules } from './rules/index.js';

export interface RuleInfo {
  id: string;
  severity: Severity;
  method: string;
  description: string;
  /** format: found while reading the file; method: a method rule on a readable plan. */
  kind: 'format' | 'method';
}

const FORMAT = 'Plan file format (contract)';

/** Findings made while reading the file, before any method rule runs; all are errors. */
export const LOADER_RULES: readonly RuleInfo[] = (
  [
    {
      id: 'file-unreadable',
      severity: 'error',
      method: FORMAT,
      description: 'The file can be read: it exists, is a regular file and is readable (exit 2 when not).',
    },
    { id: 'not-text', severity: 'error', method: FORMAT, description: 'The plan is UTF-8 text, not a binary file.' },
    {
      id: 'file-size',
      severity: 'error',
      method: FORMAT,
      description: 'A plan file is at most 5 MB, 50,000 values (aliases expanded) and 64 levels deep.',
    },
    {
      id: 'empty-file',
      severity: 'error',
      method: FORMAT,
      description: 'The file is not empty: a plan needs at least `smplan: 1`, `plan` and `goals`.',
    },
    {
      id: 'yaml-syntax',
      severity: 'error',
      method: FORMAT,
      description:
        'The file is valid YAML: one document, spaces for indentation, closed brackets and quotes, anchors before their aliases and not too many, no tags such as !!binary.',
    },
    { id: 'yaml-duplicate-key', severity: 'error', method: FORMAT, description: 'Each key appears once in a mapping.' },
    {
      id: 'unknown-key',
      severity: 'error',
      method: FORMAT,
      description: 'Every key is part of the plan format (a misspelt key gets a "did you mean" suggestion).',
    },
    { id: 'schema-required', severity: 'error', method: FORMAT, description: 'Every required field is present.' },
    {
      id: 'schema-type',
      severity: 'error',
      method: FORMAT,
      description: 'Every value has the expected type: number, text, list or mapping.',
    },
    {
      id: 'schema-value',
      severity: 'error',
      method: FORMAT,
      description:
        'Every value is allowed: real dates, known choices, numbers in range (no negative costs, no zero followers).',
    },
    {
      id: 'posts-csv',
      severity: 'error',
      method: '§4 Competitor research (engagement rate)',
      description:
        'A posts_csv file exists inside the plan folder and holds a header row with likes, comments and shares, and one row of counts per post.',
    },
  ] as Omit<RuleInfo, 'kind'>[]
).map((r) => ({ ...r, kind: 'format' as const }));

/** Reported on the plan's own smplan-disable comments. */
export const DIRECTIVE_RULE: RuleInfo = {
  id: 'unused-disable',
  severity: 'warning',
  method: 'Inline configuration',
  description:
    'Every smplan-disable comment names known rules and suppresses at least one finding; a stale one is removed.',
  kind: 'format',
};

export function ruleCatalog(): RuleInfo[] {
  return [
    ...LOADER_RULES,
    ...rules.map(({ id, severity, method, description }) => ({
      id,
      severity,
      method,
      description,
      kind: 'method' as const,
    })),
    DIRECTIVE_RULE,
  ];
}
