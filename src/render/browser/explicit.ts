/**
 * A browser the user named: --browser, then SMPLAN_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH.
 * puppeteer-core reads none of these itself. An explicit setting that is wrong is an error: falling
 * back to another browser would hide the mistake (and print with a browser the user did not choose).
 */
import path from 'node:path';
import type { BrowserLookup, FoundBrowser } from './types.js';

const BROWSER_ENV_VARS = ['SMPLAN_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

export interface ExplicitChoice {
  /** What the user wrote. */
  value: string;
  /** Where: `--browser` or the environment variable's name. */
  source: string;
}

export function explicitChoice(flag: string | undefined, env: NodeJS.ProcessEnv): ExplicitChoice | undefined {
  if (flag !== undefined && flag.trim() !== '') return { value: flag.trim(), source: '--browser' };
  for (const name of BROWSER_ENV_VARS) {
    const v = env[name]?.trim();
    if (v) return { value: v, source: name };
  }
  return undefined;
}

/** Resolves the user's choice: a path, or a bare command name looked up on PATH. */
export async function resolveExplicit(
  choice: ExplicitChoice,
  lookup: BrowserLookup,
): Promise<FoundBrowser | undefined> {
  const v = choice.value;
  if (v.includes('/') || v.includes('\\')) {
    const absolute = path.resolve(lookup.cwd, v);
    return (await lookup.isExecutable(absolute)) ? { path: absolute, source: choice.source } : undefined;
  }
  const onPath = await lookup.which(v);
  return onPath ? { path: onPath, source: choice.source } : undefined;
}
