/** `smplan diff` reports changes in the sections a real strategy adds, and in stated not_applicable decisions. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { EXAMPLES, runCli } from '../helpers/cli.js';

let dir: string;
let original: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'smplan-diff-sections-'));
  await cp(path.join(EXAMPLES, 'data'), path.join(dir, 'data'), { recursive: true });
  original = await readFile(path.join(EXAMPLES, 'nordlys-bakeri.yaml'), 'utf8');
  await writeFile(path.join(dir, 'old.yaml'), original);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<string> {
  const doc = parseDocument(original);
  edit(doc);
  await writeFile(path.join(dir, name), doc.toString());
  return name;
}

describe('smplan diff: initiatives, campaigns, partners, policies, governance, decisions', () => {
  it('reports added, removed and changed entries and fields, and a stated not_applicable', async () => {
    const before = await write('before.yaml', (doc) => {
      doc.set('initiatives', [{ id: 'apprentices', name: 'Apprentice reporters', when: '2027-Q1' }]);
      doc.set('partners', [{ id: 'uka', name: 'UKA', kind: 'partner' }]);
      doc.set('policies', { ai: 'No AI images' });
    });
    const after = await write('after.yaml', (doc) => {
      doc.set('initiatives', [{ id: 'apprentices', name: 'Apprentice reporters', when: '2027-Q2' }]);
      doc.set('campaigns', [{ id: 'olsok', name: 'Olsok', recurs: 'yearly', month: 7 }]);
      doc.set('policies', { ai: 'AI images are labelled', privacy: 'Consent for every face' });
      doc.set('competitors', { not_applicable: 'We compare ourselves with other family bakeries only' });
    });
    const r = await runCli(['diff', before, after, '--json', '--as-of', '2027-03-15'], { cwd: dir });
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout);
    expect(d.sections).toEqual([
      { section: 'initiatives', added: [], removed: [], changed: ['Apprentice reporters'] },
      { section: 'campaigns', added: ['Olsok'], removed: [], changed: [] },
      { section: 'partners', added: [], removed: ['UKA'], changed: [] },
      { section: 'policies', added: ['privacy'], removed: [], changed: ['ai'] },
    ]);
    expect(d.decisions).toEqual([{ part: 'competitors', to: 'We compare ourselves with other family bakeries only' }]);
    const text = await runCli(['diff', before, after, '--as-of', '2027-03-15'], { cwd: dir });
    expect(text.stdout).toContain('Campaigns');
    expect(text.stdout).toContain('added Olsok');
    expect(text.stdout).toContain(
      'competitors: stated not to apply: We compare ourselves with other family bakeries only',
    );
  });
});
