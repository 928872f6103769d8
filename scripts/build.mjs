// Bundles the CLI and every library it uses into dist/, so that installing smplan fetches one
// package: dist/cli.js (what bin/smplan.js imports), dist/lint-worker.js (a --concurrency worker
// thread), dist/preview-worker.js (the thread `serve` renders in) and the chunks they share. Each command, and each heavy library (puppeteer-core, vega,
// markdown-it, handlebars, @inquirer/prompts, …), is imported lazily and lands in chunks of its
// own, so `smplan lint` loads none of them.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { writeNotices } from './notices.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// --clean (used before packing) drops stale chunks and writes no source maps: the published
// package stays small. A plain build overwrites in place so that parallel test runs never see an
// empty dist/, and keeps source maps for --debug.
const release = process.argv.includes('--clean');
if (release) rmSync(path.join(root, 'dist'), { recursive: true, force: true });

// Parts of puppeteer-core that smplan never runs (see each stub for why), replaced at build time.
const requireFromRoot = createRequire(path.join(root, 'package.json'));
// Found by path below the checkout, not resolved through links: the bundle's paths stay the checkout's.
const browsersDir = ['node_modules/@puppeteer/browsers', 'node_modules/puppeteer-core/node_modules/@puppeteer/browsers']
  .map((dir) => path.join(root, dir))
  .find((dir) => existsSync(path.join(dir, 'package.json')));
if (!browsersDir) throw new Error('@puppeteer/browsers (a dependency of puppeteer-core) is not installed');
const stubs = {
  name: 'stubs',
  setup(b) {
    b.onResolve({ filter: /^@puppeteer\/browsers$/ }, () => ({
      path: path.join(root, 'scripts/stubs/puppeteer-browsers.js'),
    }));
    b.onResolve({ filter: /^smplan:puppeteer-browsers-types$/ }, () => ({
      path: path.join(browsersDir, 'lib', 'esm', 'browser-data', 'types.js'),
    }));
    b.onResolve({ filter: /(^|\/)bidi\.js$/ }, (args) =>
      path
        .resolve(args.resolveDir, args.path)
        .endsWith(path.join('puppeteer-core', 'lib', 'esm', 'puppeteer', 'bidi', 'bidi.js'))
        ? { path: path.join(root, 'scripts/stubs/puppeteer-bidi.js') }
        : undefined,
    );
  },
};

const bundle = await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/bundle.ts',
    'lint-worker': 'src/cli/lint-worker.ts',
    'preview-worker': 'src/cli/preview-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Paths (and so chunk hashes) as seen from the checkout, even where node_modules is a link.
  preserveSymlinks: true,
  // SMPLAN_NO_MINIFY=1 keeps function names readable in a CPU profile (node --cpu-prof).
  minify: !process.env.SMPLAN_NO_MINIFY,
  sourcemap: release ? false : 'linked',
  plugins: [stubs],
  // Optional native addons that vega and ws try to load inside try/catch; smplan needs neither.
  external: ['canvas', 'bufferutil', 'utf-8-validate'],
  define: { SMPLAN_VERSION: JSON.stringify(pkg.version) },
  banner: {
    // Bundled CommonJS dependencies may call require(); give them one.
    js: "import { createRequire as __smplanCreateRequire } from 'node:module'; const require = __smplanCreateRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});

// The Noto Sans subsets the document embeds (Latin with æøå, Latin Extended, Cyrillic; regular
// and bold) and Noto Emoji's (monochrome, regular), each with its unicode-range from the package's
// unicode.json, and the fonts' licences: the installed package reads these files, not node_modules.
/** Copies a fontsource package's woff2 subsets and lists them ({ file, weight, unicodeRange }). */
function copySubsets(pkg, into, weights, wanted = () => true) {
  const source = path.dirname(requireFromRoot.resolve(`${pkg}/package.json`));
  const ranges = JSON.parse(readFileSync(path.join(source, 'unicode.json'), 'utf8'));
  mkdirSync(into, { recursive: true });
  const faces = [];
  for (const weight of weights) {
    for (const [subset, unicodeRange] of Object.entries(ranges)) {
      if (!wanted(subset)) continue;
      // unicode.json names numbered subsets `[0]`; their files are `…-0-400-normal.woff2`.
      const file = `${path.basename(pkg)}-${subset.replace(/^\[(\d+)\]$/, '$1')}-${weight}-normal.woff2`;
      copyFileSync(path.join(source, 'files', file), path.join(into, file));
      faces.push({ file, weight, unicodeRange });
    }
  }
  copyFileSync(path.join(source, 'LICENSE'), path.join(into, 'LICENSE'));
  writeFileSync(path.join(into, 'faces.json'), JSON.stringify(faces, null, 2) + '\n');
  return faces;
}

const SUBSETS = ['latin', 'latin-ext', 'cyrillic'];
const fonts = path.join(root, 'dist/fonts');
// Afresh, so that a subset no longer listed does not ship.
rmSync(fonts, { recursive: true, force: true });
const textFaces = copySubsets('@fontsource/noto-sans', fonts, [400, 700], (subset) => SUBSETS.includes(subset));
if (textFaces.length !== SUBSETS.length * 2)
  throw new Error(`@fontsource/noto-sans: expected ${SUBSETS.length * 2} font files, found ${textFaces.length}`);
// The document embeds only the emoji subsets its text uses.
if (!copySubsets('@fontsource/noto-emoji', path.join(fonts, 'emoji'), [400]).length)
  throw new Error('@fontsource/noto-emoji: no font files found');

// The advance width of every character of those subsets (per 1000 units of the em), regular and
// bold, read from the WOFF 1 files beside them: charts wrap labels by measured width, not by count.
const notoSans = path.dirname(requireFromRoot.resolve('@fontsource/noto-sans/package.json'));
const widths = { unitsPerEm: 1000, 400: {}, 700: {} };
for (const weight of [400, 700])
  for (const subset of SUBSETS)
    Object.assign(
      widths[weight],
      advanceWidths(readFileSync(path.join(notoSans, 'files', `noto-sans-${subset}-${weight}-normal.woff`))),
    );
writeFileSync(path.join(fonts, 'widths.json'), JSON.stringify(widths) + '\n');

// The licences of everything the package redistributes, and an SBOM of it (see notices.mjs).
writeNotices(root, bundle.metafile, ['node_modules/@fontsource/noto-sans', 'node_modules/@fontsource/noto-emoji']);

/** Code point -> advance width (per 1000 em) from a WOFF 1 font: its cmap, hhea, hmtx and head tables. */
function advanceWidths(woff) {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1 font');
  const tables = new Map();
  for (let i = 0, n = woff.readUInt16BE(12); i < n; i++) {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    tables.set(woff.toString('latin1', at, at + 4), compressed < length ? inflateSync(raw) : raw);
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  const scale = 1000 / head.readUInt16BE(18);
  const metrics = hhea.readUInt16BE(34);
  const advance = (glyph) => hmtx.readUInt16BE(4 * Math.min(glyph, metrics - 1));
  const out = {};
  const subtables = [];
  for (let i = 0, n = cmap.readUInt16BE(2); i < n; i++) subtables.push(cmap.readUInt32BE(4 + i * 8 + 4));
  for (const at of subtables) {
    const format = cmap.readUInt16BE(at);
    if (format === 12) {
      for (let g = 0, n = cmap.readUInt32BE(at + 12); g < n; g++) {
        const group = at + 16 + g * 12;
        const start = cmap.readUInt32BE(group);
        const end = cmap.readUInt32BE(group + 4);
        const glyph = cmap.readUInt32BE(group + 8);
        for (let c = start; c <= end; c++) out[c] = Math.round(advance(glyph + c - start) * scale);
      }
    } else if (format === 4) {
      const segments = cmap.readUInt16BE(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const ranges = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const end = cmap.readUInt16BE(ends + s * 2);
        const start = cmap.readUInt16BE(starts + s * 2);
        const delta = cmap.readInt16BE(deltas + s * 2);
        const rangeOffset = cmap.readUInt16BE(ranges + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const g = cmap.readUInt16BE(ranges + s * 2 + rangeOffset + (c - start) * 2);
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0 && out[c] === undefined) out[c] = Math.round(advance(glyph) * scale);
        }
      }
    }
  }
  return out;
}
