import type { SuppressedFinding } from '../directives.js';
import type { Finding } from '../../diagnostics.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { jsonVisible } from '../../terminal.js';

export interface FormatContext {
  /** Every file linted, also those with no findings (junit lists them as passing). */
  files: string[];
  /** Findings silenced by smplan-disable comments: only SARIF reports them (as dismissed). */
  suppressed?: SuppressedFinding[];
  /** Where the run started (a CI job's checkout): GitLab wants paths relative to it. */
  cwd?: string;
}

export type FindingsFormat = (findings: Finding[], context: FormatContext) => string;

/** Machine formats; stylish lives beside them and is loaded eagerly since it is the default. */
export const formatters: Record<string, FindingsFormat> = {
  // Data: every character kept, the ones a terminal would obey written as \u escapes.
  json: (findings) => jsonVisible(JSON.stringify(findings, null, 2)) + '\n',
  github: (findings) => formatGithub(findings),
  gitlab: (findings, context) => formatGitlab(findings, context.cwd),
  junit: formatJunit,
  sarif: (findings, context) => formatSarif(findings, context.suppressed),
};
