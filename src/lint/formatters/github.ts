import type { Finding } from '../../diagnostics.js';
import { visible } from '../../terminal.js';

/**
 * GitHub Actions workflow commands, one per finding:
 * `::error file=F,line=L,col=C,title=RULE::MESSAGE` (and ::warning), shown as annotations on the diff.
 */
export function formatGithub(findings: Finding[]): string {
  return findings
    .map((f) => {
      const props = [
        // The log shows every part of the command on a terminal: a file name's escape sequences too.
        `file=${escapeProperty(visible(f.file))}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `title=${escapeProperty(visible(f.rule))}`,
      ].join(',');
      // The log shows the message on a terminal: escape sequences from plan text are made visible.
      return `::${f.severity} ${props}::${visible(escapeData(f.message))}\n`;
    })
    .join('');
}

/** The escaping of GitHub's runner (toolkit command.ts): %, CR and LF in the message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
