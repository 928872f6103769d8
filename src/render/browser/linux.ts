/** Chrome and Chromium on Linux: distribution packages on PATH, then fixed install places. */
import type { BrowserLookup } from './types.js';

const COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
];
const PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/var/lib/flatpak/exports/bin/org.chromium.Chromium',
  '/usr/bin/microsoft-edge-stable',
];

export async function linuxCandidates(lookup: BrowserLookup): Promise<string[]> {
  const found: string[] = [];
  for (const name of COMMANDS) {
    const p = await lookup.which(name);
    if (p) found.push(p);
  }
  return [...found, ...PATHS];
}
