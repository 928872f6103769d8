// Bundles the CLI so `smplan lint` loads one file instead of hundreds of modules.
// Heavy or CommonJS-only packages stay external and are imported lazily by the commands that use them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// --clean (used before packing) drops stale chunks; a plain build overwrites in place so that
// parallel test runs never see an empty dist/.
if (process.argv.includes('--clean')) rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // SMPLAN_NO_MINIFY=1 keeps function names readable in a CPU profile (node --cpu-prof).
  minify: !process.env.SMPLAN_NO_MINIFY,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  // puppeteer-core is bundled into its own lazily loaded chunk: one file loads in about half the
  // time of its ~230 modules, and that time is on the PDF's critical path.
  external: [
    'vega',
    'vega-lite',
    '@inquirer/prompts',
    '@inquirer/core',
    'handlebars',
    'markdown-it',
  ],
  banner: {
    // Bundled CommonJS dependencies may call require(); give them one.
    js: "import { createRequire as __smplanCreateRequire } from 'node:module'; const require = __smplanCreateRequire(import.meta.url);",
  },
  define: { SMPLAN_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
