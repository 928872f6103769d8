/** The cover's branding: the logo read safely as a data URI, the accent colour only with enough contrast. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contrastWithWhite, readLogo, usableAccent } from '../../src/render/cover.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-cover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plan = path.join(dir, 'plan');
mkdirSync(plan);
writeFileSync(path.join(plan, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
writeFileSync(path.join(plan, 'fake.png'), 'not a png');
writeFileSync(path.join(dir, 'outside.svg'), '<svg></svg>');
symlinkSync(path.join(dir, 'outside.svg'), path.join(plan, 'link.svg'));

describe('the logo', () => {
  it('is an SVG beside the plan, embedded as a data URI for an <img> (its script never runs there)', async () => {
    const read = await readLogo(plan, 'logo.svg');
    expect('uri' in read && read.uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
  });
  it('refuses a URL, a path out of the folder, a link out of it, a wrong type and a file that is not what it says', async () => {
    expect(await readLogo(plan, 'https://example.com/logo.svg')).toHaveProperty('error');
    expect(await readLogo(plan, '../outside.svg')).toHaveProperty('error');
    expect(await readLogo(plan, 'link.svg')).toEqual({ error: 'links outside the plan folder' });
    expect(await readLogo(plan, 'logo.gif')).toEqual({ error: 'must be an .svg or .png file' });
    expect(await readLogo(plan, 'fake.png')).toEqual({ error: 'is not a PNG file' });
    expect(await readLogo(plan, 'missing.svg')).toEqual({ error: 'no such file' });
  });
});

describe('the accent colour', () => {
  it('is used when its contrast with white is at least 4.5:1, else the default stays', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    expect(usableAccent('#0B5FFF')).toBe('#0b5fff');
    expect(usableAccent('#FFD700')).toBeUndefined();
    expect(usableAccent('red')).toBeUndefined();
    expect(usableAccent(undefined)).toBeUndefined();
  });
});
