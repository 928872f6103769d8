// Bundles the CLI and every library it uses into dist/, so that installing smplan fetches one
// package and `smplan lint` loads one file instead of hundreds of modules. Heavy libraries
// (puppeteer-core, vega, markdown-it, handlebars, @inquirer/prompts, …) are imported lazily by
// the commands that use them and land in chunks of their own.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// --clean (used before packing) drops stale chunks and writes no source maps: the published
// package stays small. A plain build overwrites in place so that parallel test runs never see an
// empty dist/, and keeps source maps for --debug.
const release = process.argv.includes('--clean');
if (release) rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// Compiled code fits only the build it was made from; a plain build makes none (see the end).
else if (existsSync(path.join(root, 'dist')))
  for (const f of readdirSync(path.join(root, 'dist'))) if (/^cli-.*\.v8$/.test(f)) rmSync(path.join(root, 'dist', f));

// Parts of puppeteer-core that smplan never runs (see each stub for why), replaced at build time.
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const browsersMain = createRequire(requireFromRoot.resolve('puppeteer-core')).resolve('@puppeteer/browsers');
const stubs = {
  name: 'stubs',
  setup(b) {
    b.onResolve({ filter: /^@puppeteer\/browsers$/ }, () => ({
      path: path.join(root, 'scripts/stubs/puppeteer-browsers.js'),
    }));
    b.onResolve({ filter: /^smplan:puppeteer-browsers-types$/ }, () => ({
      path: path.join(path.dirname(browsersMain), '..', 'esm', 'browser-data', 'types.js'),
    }));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`)
        ? { path: path.join(root, 'scripts/stubs/commander-child-process.js') }
        : undefined,
    );
    b.onResolve({ filter: /(^|\/)bidi\.js$/ }, (args) =>
      path
        .resolve(args.resolveDir, args.path)
        .endsWith(path.join('puppeteer-core', 'lib', 'esm', 'puppeteer', 'bidi', 'bidi.js'))
        ? { path: path.join(root, 'scripts/stubs/puppeteer-bidi.js') }
        : undefined,
    );
  },
};

// Libraries only some commands use, each imported lazily (`await import('vega')`): bundled apart
// from the program, in dist/vendor/, as ES modules with their shared code in chunks. `yaml` is
// also imported statically (by the interview) and so is built as CommonJS, which a require() in
// the program can load.
const VENDOR_ESM = {
  vega: 'vega',
  'vega-lite': 'vega-lite',
  'markdown-it': 'markdown-it',
  handlebars: 'handlebars',
  'inquirer-prompts': '@inquirer/prompts',
  'puppeteer-core': 'puppeteer-core',
  open: 'open',
  chokidar: 'chokidar',
  'better-sse': 'better-sse',
  'ical-generator': 'ical-generator',
  'csv-stringify': 'csv-stringify/sync',
  // Public holidays for the review sessions (render and track only).
  'date-holidays': 'date-holidays',
  // Hyphenation for the document's table cells: the engine, and each language's patterns apart
  // (render loads only the plan's).
  hyphen: 'hyphen',
  'hyphen-en-gb': 'hyphen/patterns/en-gb.js',
  'hyphen-en-us': 'hyphen/patterns/en-us.js',
  'hyphen-nb': 'hyphen/patterns/nb.js',
  'hyphen-bg': 'hyphen/patterns/bg.js',
};
const VENDOR_CJS = { yaml: 'yaml' };
const vendorOf = new Map([
  ...Object.entries(VENDOR_ESM).map(([name, spec]) => [spec, `./vendor/${name}.js`]),
  ...Object.entries(VENDOR_CJS).map(([name, spec]) => [spec, `./vendor/${name}.cjs`]),
]);
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // SMPLAN_NO_MINIFY=1 keeps function names readable in a CPU profile (node --cpu-prof).
  minify: !process.env.SMPLAN_NO_MINIFY,
  sourcemap: release ? false : 'linked',
  plugins: [stubs],
  // Optional native addons that vega and ws try to load inside try/catch; smplan needs neither.
  external: ['canvas', 'bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: VENDOR_ESM,
  outdir: 'dist/vendor',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    // Bundled CommonJS dependencies may call require(); give them one.
    js: "import { createRequire as __smplanCreateRequire } from 'node:module'; const require = __smplanCreateRequire(import.meta.url);",
  },
});
await build({
  ...common,
  entryPoints: VENDOR_CJS,
  outdir: 'dist/vendor',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
});

// The program: every module of src/ and the libraries a lint uses, in one CommonJS file that
// dist/boot.js compiles with V8's code cache (one file: one compile, one cache entry).
const program = await build({
  ...common,
  entryPoints: { cli: 'src/cli/bundle.ts' },
  outdir: 'dist',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  write: false,
  plugins: [
    stubs,
    {
      name: 'vendor',
      setup(b) {
        b.onResolve({ filter: /^[@a-z]/ }, (args) =>
          vendorOf.has(args.path) ? { path: vendorOf.get(args.path), external: true } : undefined,
        );
      },
    },
  ],
  // import.meta.url (the package's own files, the worker script) as the file's URL.
  define: { SMPLAN_VERSION: JSON.stringify(pkg.version), 'import.meta.url': '__smplanMeta.url' },
  banner: {
    js: [
      // Loaded by dist/boot.js, the program gets its dynamic import() from there (code compiled
      // by vm has none without a flag); required plainly (--debug), it uses its own.
      'var __smplanImport = __smplanImport || ((specifier) => import(specifier));',
      'var __smplanMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };',
    ].join('\n'),
  },
});
for (const out of program.outputFiles) {
  let text = out.text;
  if (out.path.endsWith('.cjs')) {
    // Every dynamic import but the banner's goes through __smplanImport.
    text = text.replace(/\bimport\((["'])(\.\/vendor\/[^"']+|node:[^"']+)\1\)/g, '__smplanImport($1$2$1)');
    const left = text.match(/\bimport\([^)]{0,60}/g) ?? [];
    if (left.length !== 1)
      throw new Error(`dist/cli.cjs: dynamic imports not routed through the loader: ${left.join(', ')}`);
  }
  mkdirSync(path.dirname(out.path), { recursive: true });
  writeFileSync(out.path, text);
}

// The loader: bin/smplan.js and the lint worker threads start the program through it.
await build({ ...common, entryPoints: { boot: 'src/boot.ts' }, outdir: 'dist', format: 'esm' });

// A package ships the program's compiled code for the Node that packs it (see src/boot.ts):
// made by linting plans with and without findings, so that what a lint runs is compiled.
if (release) {
  const cache = mkdtempSync(path.join(os.tmpdir(), 'smplan-code-'));
  try {
    const env = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' };
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const plans = ['examples/nordlys-bakeri.yaml', 'test/fixtures/acceptance/kaffebar.yaml'].filter((p) =>
      existsSync(path.join(root, p)),
    );
    const lint = spawnSync(process.execPath, ['bin/smplan.js', 'lint', ...plans], { cwd: root, env, encoding: 'utf8' });
    if (lint.status !== 0 && lint.status !== 1) throw new Error(`compiling the program's code: ${lint.stderr}`);
    const made = readdirSync(path.join(cache, 'smplan')).filter((f) => f.endsWith('.v8'));
    if (made.length !== 1) throw new Error(`compiling the program's code: expected one cache file, found ${made}`);
    copyFileSync(path.join(cache, 'smplan', made[0]), path.join(root, 'dist', made[0]));
    chmodSync(path.join(root, 'dist', made[0]), 0o644);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

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
