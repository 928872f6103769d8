/** Chrome, Chromium and Edge on Windows: per-machine and per-user install folders. */
import path from 'node:path';
import type { BrowserLookup } from './types.js';

const APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

export async function windowsCandidates(lookup: BrowserLookup): Promise<string[]> {
  const env = lookup.env;
  const roots = [
    env.PROGRAMFILES,
    env['PROGRAMFILES(X86)'],
    env.LOCALAPPDATA,
    'C:\\Program Files',
    'C:\\Program Files (x86)',
  ];
  const unique = [...new Set(roots.filter((r): r is string => Boolean(r)))];
  return unique.flatMap((root) => APPS.map((a) => path.win32.join(root, a)));
}
