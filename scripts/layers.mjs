#!/usr/bin/env node
// Layer check: every import in src/ points down the layers, and no module imports itself back
// through a circle. Run by test/architecture/layers.test.ts (so `npm test` runs it in CI) and by
// hand: `node scripts/layers.mjs [SRC_DIR]`. Exit 1 with one line per violation.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The allowed order, lowest first. A module may import its own layer or any layer listed before it;
// layers on one line are siblings and may not import each other.
export const LAYERS = [
  ['ground'], // src/*.ts: errors, files, diagnostics (findings and positions)
  ['plan'], // zod schema, loading, reading actuals
  ['compute'], // pure functions
  ['lint', 'render'], // rules and formatters; chapters, HTML, PDF
  ['init', 'serve'], // the interview; the live preview
  ['cli'], // one file per command; the only place that maps errors to exit codes
];

const rank = new Map(LAYERS.flatMap((names, index) => names.map((name) => [name, index])));

/** The layer a file under src/ belongs to: its first folder, or 'ground' for src/*.ts. */
export function layerOf(file) {
  const parts = file.split('/');
  return parts.length === 1 ? 'ground' : parts[0];
}

function sourceFiles(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, base);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [relative(base, path).split('\\').join('/')]
      : [];
  });
}

/** Every relative import of every file, static or dynamic, as paths relative to src/. */
export function importGraph(srcDir) {
  const files = sourceFiles(srcDir).sort();
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(srcDir, file), 'utf8'), true, true);
    const targets = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), fileName)).replace(/\.js$/, '.ts');
      const resolved = known.has(target) ? target : known.has(`${target}/index.ts`) ? `${target}/index.ts` : target;
      targets.push(resolved);
    }
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Imports that point up the layers or across to a sibling layer. */
export function upwardImports(graph) {
  const problems = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      if (!rank.has(from)) problems.push(`src/${file}: folder '${from}' is in no layer (add it to LAYERS)`);
      else if (!rank.has(to)) problems.push(`src/${file} imports src/${target}: folder '${to}' is in no layer`);
      else if (from !== to && rank.get(to) >= rank.get(from)) {
        const way = rank.get(to) === rank.get(from) ? 'across to its sibling' : 'up to';
        problems.push(`src/${file} imports src/${target}: ${from} may not import ${way} ${to}`);
      }
    }
  }
  return [...new Set(problems)];
}

/** Import circles, each once, as the chain of files that closes it (Tarjan's strongly connected components). */
export function importCircles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const circles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) circles.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return circles.map((files) => `import circle: ${files.map((file) => `src/${file}`).join(' ↔ ')}`);
}

export function checkLayers(srcDir) {
  const graph = importGraph(srcDir);
  return [...upwardImports(graph), ...importCircles(graph)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const srcDir = process.argv[2]
    ? resolve(process.argv[2])
    : join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = checkLayers(srcDir);
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) {
    console.log(`${problems.length} layer violation${problems.length === 1 ? '' : 's'}`);
    process.exitCode = 1;
  } else console.log('layers: every import points down, no circles');
}
