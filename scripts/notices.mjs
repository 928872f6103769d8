// The licences of what the package redistributes: every npm package esbuild bundled (from its
// metafile: the packages with bytes in an output file) and the fonts copied to dist/fonts/.
// dist/THIRD-PARTY-NOTICES.md carries each one's name, version, licence and the notice text of
// its licence files; dist/sbom.cdx.json lists them as a CycloneDX 1.6 SBOM, so that a scanner
// (npm audit does not see bundled code) can match advisories against the versions shipped.
// Both are sorted and carry no date or random serial number: two builds give the same bytes.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as CDX from '@cyclonedx/cyclonedx-library';

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;
/**
 * The text of a licence a package names but carries no file of (puppeteer-core and
 * @puppeteer/browsers: Apache-2.0 in their package.json and source headers), from another
 * package that ships that very text.
 */
const STANDARD_TEXT = { 'Apache-2.0': 'node_modules/typescript/LICENSE.txt' };

/** The package folder a bundled file belongs to: the path up to its last node_modules/NAME. */
function packageDir(file) {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  return parts.slice(0, at + (parts[at + 1]?.startsWith('@') ? 3 : 2)).join('/');
}

/** Reads a package's name, version, licence and licence files from its folder (relative to root). */
function describe(root, dir) {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const licence =
    typeof manifest.license === 'string'
      ? manifest.license
      : (manifest.license?.type ?? manifest.licenses?.map((l) => l.type ?? l).join(' OR '));
  const files = readdirSync(path.join(root, dir))
    .filter((f) => LICENCE_FILE.test(f))
    .sort()
    .map((f) => ({
      file: f,
      text: readFileSync(path.join(root, dir, f), 'utf8')
        .replace(/\r\n?/g, '\n')
        .trim(),
    }));
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  // Some small packages (isarray 1.0.0) carry their licence as the README's last section.
  if (!files.length) {
    const readme = readdirSync(path.join(root, dir)).find((f) => /^readme(\.md)?$/i.test(f));
    const text = readme ? readFileSync(path.join(root, dir, readme), 'utf8').replace(/\r\n?/g, '\n') : '';
    const section = /^#+\s*licen[cs]e\s*\n([\s\S]*?)(?=^#|(?![\s\S]))/im.exec(text)?.[1]?.trim();
    if (section && /Permission is hereby granted|Redistribution and use/.test(section))
      files.push({ file: `${readme} (its licence section)`, text: section });
  }
  if (!files.length && STANDARD_TEXT[licence]) {
    const text = readFileSync(path.join(root, STANDARD_TEXT[licence]), 'utf8').replace(/\r\n?/g, '\n').trim();
    if (!text.startsWith('Apache License')) throw new Error(`${STANDARD_TEXT[licence]} is not the ${licence} text`);
    files.push({ file: `${licence} (the text of the licence the package names; it carries no licence file)`, text });
  }
  return {
    name: manifest.name,
    version: manifest.version,
    licence,
    files,
    author,
    homepage: manifest.homepage,
    repository,
  };
}

/** The bundled packages (one entry per name and version), sorted. */
export function bundledPackages(root, metafile, extraDirs = []) {
  const dirs = new Set(extraDirs);
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dir = bytesInOutput > 0 ? packageDir(input) : undefined;
      if (dir) dirs.add(dir);
    }
  const byId = new Map();
  for (const dir of dirs) {
    const info = describe(root, dir);
    byId.set(`${info.name}@${info.version}`, info);
  }
  return [...byId.values()].sort((a, b) =>
    a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
}

export function noticesMarkdown(packages, self) {
  const lines = [
    '# Third-party notices',
    '',
    `${self.name} ${self.version} bundles the following packages (and ships the fonts listed), each under`,
    'its own licence, reproduced here from the licence files the package carries.',
    '',
  ];
  for (const p of packages) {
    lines.push(`## ${p.name} ${p.version}`, '', `Licence: ${p.licence ?? 'not stated'}`);
    const source = p.repository ?? p.homepage;
    if (source) lines.push(`Source: ${source}`);
    if (p.author) lines.push(`Author: ${p.author}`);
    lines.push('');
    for (const f of p.files) lines.push(`${f.file}:`, '', '````', f.text, '````', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function sbomJson(packages, self) {
  const licences = new CDX.Contrib.License.Factories.LicenseFactory();
  const purl = (name, version) => `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
  const component = (type, p) => {
    const c = new CDX.Models.Component(type, p.name, {
      version: p.version,
      bomRef: purl(p.name, p.version),
      purl: purl(p.name, p.version),
    });
    if (p.licence) c.licenses.add(licences.makeFromString(p.licence));
    return c;
  };
  const bom = new CDX.Models.Bom();
  bom.metadata.component = component(CDX.Enums.ComponentType.Application, { ...self, licence: self.license });
  for (const p of packages) bom.components.add(component(CDX.Enums.ComponentType.Library, p));
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

/** Writes dist/THIRD-PARTY-NOTICES.md and dist/sbom.cdx.json; returns the packages listed. */
export function writeNotices(root, metafile, extraDirs) {
  const self = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const packages = bundledPackages(root, metafile, extraDirs);
  // A licence whose text does not travel with the code is not met: fail the build instead.
  for (const p of packages)
    if (!p.licence || !p.files.length) throw new Error(`${p.name}@${p.version}: no licence text found to ship with it`);
  writeFileSync(path.join(root, 'dist', 'THIRD-PARTY-NOTICES.md'), noticesMarkdown(packages, self));
  writeFileSync(path.join(root, 'dist', 'sbom.cdx.json'), sbomJson(packages, self));
  return packages;
}
