// Bundles the CLI and every library it uses into dist/, so that installing smplan fetches one
// package and `smplan lint` loads one file instead of hundreds of modules. Heavy libraries
// (puppeteer-core, vega, markdown-it, handlebars, @inquirer/prompts, …) are imported lazily by
// the commands that use them and land in chunks of their own.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// --clean (used before packing) drops stale chunks and writes no source maps: the published
// package stays small. A plain build overwrites in place so that parallel test runs never see an
// empty dist/, and keeps source maps for --debug.
const release = process.argv.includes('--clean');
if (release) rmSync(path.join(root, 'dist'), { recursive: true, force: true });

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
    b.onResolve({ filter: /(^|\/)bidi\.js$/ }, (args) =>
      path
        .resolve(args.resolveDir, args.path)
        .endsWith(path.join('puppeteer-core', 'lib', 'esm', 'puppeteer', 'bidi', 'bidi.js'))
        ? { path: path.join(root, 'scripts/stubs/puppeteer-bidi.js') }
        : undefined,
    );
  },
};

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // SMPLAN_NO_MINIFY=1 keeps function names readable in a CPU profile (node --cpu-prof).
  minify: !process.env.SMPLAN_NO_MINIFY,
  sourcemap: release ? false : 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [stubs],
  // Optional native addons that vega and ws try to load inside try/catch; smplan needs neither.
  external: ['canvas', 'bufferutil', 'utf-8-validate'],
  banner: {
    // Bundled CommonJS dependencies may call require(); give them one.
    js: "import { createRequire as __smplanCreateRequire } from 'node:module'; const require = __smplanCreateRequire(import.meta.url);",
  },
  define: { SMPLAN_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});

// The Noto Sans subsets the document embeds (Latin with æøå, Latin Extended, Cyrillic; regular
// and bold), with their unicode-range from @fontsource/noto-sans's CSS and the font's licence:
// the installed package reads these files, not node_modules.
const SUBSETS = ['latin', 'latin-ext', 'cyrillic'];
const fontsource = path.dirname(requireFromRoot.resolve('@fontsource/noto-sans/package.json'));
const fonts = path.join(root, 'dist/fonts');
mkdirSync(fonts, { recursive: true });
const faces = [];
for (const weight of [400, 700]) {
  const css = readFileSync(path.join(fontsource, `${weight}.css`), 'utf8');
  for (const block of css.split(/(?=\/\* noto-sans-)/)) {
    const subset = /\/\* noto-sans-([a-z-]+)-\d+-normal \*\//.exec(block)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!subset || !unicodeRange || !SUBSETS.includes(subset)) continue;
    const file = `noto-sans-${subset}-${weight}-normal.woff2`;
    copyFileSync(path.join(fontsource, 'files', file), path.join(fonts, file));
    faces.push({ file, weight, unicodeRange });
  }
}
if (faces.length !== SUBSETS.length * 2)
  throw new Error(`@fontsource/noto-sans: expected ${SUBSETS.length * 2} font files, found ${faces.length}`);
writeFileSync(path.join(fonts, 'faces.json'), JSON.stringify(faces, null, 2) + '\n');
copyFileSync(path.join(fontsource, 'LICENSE'), path.join(fonts, 'LICENSE'));

// Noto Emoji (monochrome), regular: its CSS (unicode-range per subset) and the woff2 subsets, so
// emoji in plan text print; the document embeds only the subsets its text uses.
const emojiSource = path.dirname(requireFromRoot.resolve('@fontsource/noto-emoji/package.json'));
const emoji = path.join(fonts, 'emoji');
mkdirSync(emoji, { recursive: true });
copyFileSync(path.join(emojiSource, '400.css'), path.join(emoji, '400.css'));
for (const file of readdirSync(path.join(emojiSource, 'files')).filter((f) => /-400-normal\.woff2$/.test(f))) {
  copyFileSync(path.join(emojiSource, 'files', file), path.join(emoji, file));
}
copyFileSync(path.join(emojiSource, 'LICENSE'), path.join(emoji, 'LICENSE'));
