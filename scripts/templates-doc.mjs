// Writes docs/templates.md, the template writer's reference, from the helper table, the render
// context and the built-in templates; adds new helpers and keys to docs/template-api.json (a name
// is only ever taken out of that list by hand, with a note under `removed`).
import { build } from 'esbuild';
import { readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';

// Bundled beside the packages (typescript stays one, resolved from there), imported, then removed.
const bundle = 'node_modules/.cache/templates-doc.mjs';
await build({
  stdin: { contents: "export * from './scripts/template-reference.ts';", resolveDir: '.', loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  external: ['typescript'],
  logLevel: 'error',
  // yaml is CommonJS: give its bundled require() one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { API_FILE, DOC_FILE, liveApi, readApi, templatesDoc } = await import(pathToFileURL(bundle).href).finally(() => {
  rmSync(bundle, { force: true });
  // The cache folder too, when this made it (another tool's cache in it stays).
  if (readdirSync(dirname(bundle)).length === 0) rmdirSync(dirname(bundle));
});

const root = process.cwd();
const api = readApi(root);
const live = liveApi(root);
const added = [];
for (const field of ['helpers', 'keys', 'families']) {
  const known = new Set([...api[field], ...Object.keys(field === 'helpers' ? api.removed.helpers : api.removed.keys)]);
  for (const name of live[field]) if (!known.has(name)) added.push(`${field}: ${name}`);
  api[field] = [...new Set([...api[field], ...live[field]])].sort();
}
writeFileSync(API_FILE, `${JSON.stringify(api, null, 2)}\n`);
writeFileSync(DOC_FILE, templatesDoc(root, api));
console.log(
  `${DOC_FILE}: ${live.helpers.length} helpers, ${live.keys.length} keys, ${live.families.length} families` +
    (added.length ? `; added to ${API_FILE}: ${added.join(', ')}` : ''),
);
