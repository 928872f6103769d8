/**
 * Finds Chrome or Chromium for the PDF: what the user named (explicit.ts), else the well-known
 * places of this OS (one finder per OS). Nothing is downloaded.
 */
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import { explicitChoice, resolveExplicit, type ExplicitChoice } from './explicit.js';
import { linuxCandidates } from './linux.js';
import { macosCandidates } from './macos.js';
import type { BrowserLookup, FoundBrowser } from './types.js';
import { windowsCandidates } from './windows.js';

export type { BrowserLookup, FoundBrowser } from './types.js';

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`; ' +
  'Windows: install Google Chrome), or point --browser or SMPLAN_BROWSER at a Chrome or Chromium executable.';

export function systemLookup(
  env: NodeJS.ProcessEnv,
  cwd: string,
  platform: NodeJS.Platform = process.platform,
): BrowserLookup {
  const isExecutable = async (file: string): Promise<boolean> => {
    try {
      const info = await stat(file);
      if (!info.isFile()) return false;
      if (platform === 'win32') return true;
      await access(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  return {
    platform,
    env,
    cwd,
    isExecutable,
    async which(name) {
      const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
      const exts = platform === 'win32' ? ['', '.exe', '.cmd'] : [''];
      for (const dir of dirs) {
        for (const ext of exts) {
          const p = path.join(dir, name + ext);
          if (await isExecutable(p)) return p;
        }
      }
      return undefined;
    },
  };
}

/** The well-known places to look on this OS, in order of preference. */
export async function wellKnownCandidates(lookup: BrowserLookup): Promise<string[]> {
  if (lookup.platform === 'darwin') return macosCandidates(lookup);
  if (lookup.platform === 'win32') return windowsCandidates(lookup);
  return linuxCandidates(lookup);
}

/**
 * No browser to print with: none installed in the well-known places, or the one the user named
 * (`choice`) is not an executable file. The hint says how to get one.
 */
export class BrowserNotFoundError extends UsageError {
  constructor(readonly choice?: ExplicitChoice) {
    super(
      choice
        ? `${choice.source} names ${choice.value}, which is not an executable file; no other browser was tried`
        : '--pdf needs Chrome or Chromium, and none was found',
      { hint: choice ? `Fix or unset ${choice.source}. ${INSTALL_HINT}` : INSTALL_HINT },
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** The browser to print with, or a BrowserNotFoundError that says how to get one. */
export async function findBrowser(flag: string | undefined, lookup: BrowserLookup): Promise<FoundBrowser> {
  const choice = explicitChoice(flag, lookup.env);
  if (choice) {
    const found = await resolveExplicit(choice, lookup);
    if (found) return found;
    throw new BrowserNotFoundError(choice);
  }
  for (const candidate of await wellKnownCandidates(lookup)) {
    if (await lookup.isExecutable(candidate)) return { path: candidate, source: 'well-known path' };
  }
  throw new BrowserNotFoundError();
}
