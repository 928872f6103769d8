/**
 * What lets others redistribute the package: smplan's LICENSE, the notices and an SBOM of every
 * bundled package (scripts/notices.mjs), and a build that gives the same tarball twice. Packs and
 * builds, so it runs in `npm run test:package` (part of `npm run check`), or under CI.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const enabled = Boolean(process.env.CI || process.env.SMPLAN_PACK_TEST);
const dir = mkdtempSync(path.join(os.tmpdir(), 'smplan-redistribute-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const installed = (name: string) =>
  (JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }).version;

interface Sbom {
  specVersion: string;
  metadata: { component: { name: string; version: string } };
  components: { name: string; version: string; purl: string; licenses: unknown[] }[];
}

/** Packs a source tree (built afresh with `--clean` unless told) and gives the tarball's files and sha256. */
function buildAndPack(tree: string, { build = true } = {}) {
  if (build) execFileSync(process.execPath, ['scripts/build.mjs', '--clean'], { cwd: tree, stdio: 'pipe' });
  const out = mkdtempSync(path.join(dir, 'packed-'));
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], {
      cwd: tree,
      encoding: 'utf8',
    }),
  ) as [{ filename: string; files: { path: string }[] }];
  const sha256 = createHash('sha256')
    .update(readFileSync(path.join(out, packed.filename)))
    .digest('hex');
  return { sha256, files: packed.files.map((f) => f.path) };
}

/** A copy of the working tree's files (what git tracks, and new files not ignored), with the same node_modules. */
function copyOfTree(name: string): string {
  const tree = path.join(dir, name);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(path.join(ROOT, file), path.join(tree, file), { recursive: false });
    } catch (err) {
      // Deleted in the working tree but still tracked.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
  return tree;
}

describe('a package others may redistribute', () => {
  it('has an MIT LICENSE, as package.json says', () => {
    expect(JSON.parse(read('package.json')).license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) the smplan authors\n/);
  });
});

describe.skipIf(!enabled)('the built package', () => {
  it('ships the notices and a CycloneDX 1.6 SBOM of every bundled package, valid against the schema', async () => {
    const notices = read('dist/THIRD-PARTY-NOTICES.md');
    const sbom = JSON.parse(read('dist/sbom.cdx.json')) as Sbom;
    expect(sbom.specVersion).toBe('1.6');
    expect(sbom.metadata.component).toMatchObject({
      name: 'smplan',
      version: JSON.parse(read('package.json')).version,
    });
    // What a lint, a render and the interview run, at the versions installed.
    for (const name of [
      'zod',
      'js-yaml',
      'yaml',
      'commander',
      'luxon',
      'vega',
      'handlebars',
      'puppeteer-core',
      '@inquirer/core',
    ])
      expect(sbom.components.map((c) => `${c.name}@${c.version}`)).toContain(`${name}@${installed(name)}`);
    // No build tool or test library: only what is in dist/.
    for (const name of ['esbuild', 'vitest', 'typescript', '@cyclonedx/cyclonedx-library'])
      expect(sbom.components.map((c) => c.name)).not.toContain(name);
    // The notices list the same packages, each with a licence and its text.
    const sections = notices.split(/^## /m).slice(1);
    expect(sections.map((s) => s.slice(0, s.indexOf('\n'))).sort()).toEqual(
      sbom.components.map((c) => `${c.name} ${c.version}`).sort(),
    );
    for (const section of sections) {
      expect(section, section.slice(0, 80)).toMatch(/^Licence: \S+/m);
      expect(section, section.slice(0, 80)).toMatch(/^````\n[\s\S]{100,}?\n````$/m);
      expect(sbom.components.find((c) => section.startsWith(`${c.name} ${c.version}\n`))?.licenses).toHaveLength(1);
    }
    expect(notices).toMatch(/^## puppeteer-core [\d.]+\n\nLicence: Apache-2\.0\n[\s\S]*?^Apache License$/m);
    // Against CycloneDX's own schema (shipped with @cyclonedx/cyclonedx-library), formats aside.
    const schemas = path.join(
      path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('@cyclonedx/cyclonedx-library/package.json')),
      'res',
      'schema',
    );
    const ajv = new Ajv({ strict: false, validateFormats: false });
    // The bundled schema refers to its siblings by their file names.
    for (const file of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
      const { $id: _id, ...schema } = JSON.parse(readFileSync(path.join(schemas, file), 'utf8'));
      ajv.addSchema(schema, `http://cyclonedx.org/schema/${file}`);
    }
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(schemas, 'bom-1.6.SNAPSHOT.schema.json'), 'utf8')));
    expect(validate(sbom), JSON.stringify(validate.errors)).toBe(true);
    // And a broken one is refused, so the check can fail.
    expect(validate({ ...sbom, components: [{ type: 'library' }] })).toBe(false);
  });

  it('builds byte for byte the same: two clean builds in two checkouts give the same tarball', () => {
    const first = buildAndPack(copyOfTree('a'));
    const second = buildAndPack(copyOfTree('b'));
    expect(second.sha256).toBe(first.sha256);
    // And the same as this checkout's own clean build (npm run test:package makes one), elsewhere on disk.
    expect(buildAndPack(ROOT, { build: false }).sha256).toBe(first.sha256);
    for (const file of [
      'LICENSE',
      'dist/THIRD-PARTY-NOTICES.md',
      'dist/sbom.cdx.json',
      'dist/cli.js',
      'dist/lint-worker.js',
    ])
      expect(first.files).toContain(file);
    expect(first.files.filter((f) => f.endsWith('.v8') || f.endsWith('.map'))).toEqual([]);
    console.log(`tarball sha256: ${first.sha256} (twice)`);
  }, 600_000);
});
