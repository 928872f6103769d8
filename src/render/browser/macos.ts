/** Chrome and Chromium on macOS: app bundles in /Applications and ~/Applications. */
import path from 'node:path';
import type { BrowserLookup } from './types.js';

const BUNDLES = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Brave Browser.app/Contents/MacOS/Brave Browser',
];

export async function macosCandidates(lookup: BrowserLookup): Promise<string[]> {
  const roots = ['/Applications', ...(lookup.env.HOME ? [path.posix.join(lookup.env.HOME, 'Applications')] : [])];
  return roots.flatMap((root) => BUNDLES.map((b) => path.posix.join(root, b)));
}
