/** The local Chrome or Chromium for tests that print; absent, those tests skip, except under CI. */
import { execFileSync } from 'node:child_process';
import { findBrowser, systemLookup } from '../../src/render/browser/index.js';

export const chromiumPath: string | undefined = await findBrowser(
  undefined,
  systemLookup({ PATH: process.env.PATH }, process.cwd()),
)
  .then((b) => b.path)
  .catch(() => undefined);

if (!chromiumPath && !process.env.CI) {
  console.warn('No Chrome or Chromium found: PDF tests are skipped (install chromium to run them).');
}
/** Under CI a missing browser fails instead of skipping. */
export const skipPdf = !chromiumPath && !process.env.CI;

export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}
