// `npm run bench`: times the built CLI as users run it (fresh processes) and writes
// docs/benchmarks.md with the machine, the date and each goal met or not.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { largePlanYaml } from './large-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/smplan.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-bench-'));

// Every run must succeed (lint: no errors): a plan that fails would time other work than intended.
function time(args, { cwd = root, expect = [0], env = {} } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!expect.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  return ms;
}

/**
 * CPU time (user + system) of one fresh process, as bash's `times` reports its children: on a
 * machine shared with other work, wall time mostly measures the wait for a core, CPU time less so.
 */
function cpuTime(args) {
  const r = spawnSync(
    'bash',
    ['-c', '"$@" >/dev/null 2>&1; status=$?; times; exit $status', 'bench', process.execPath, ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  const children = r.stdout.trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (seconds[0] + seconds[1]) * 1000;
}

function cpuMedian(args, n = runs) {
  cpuTime(args);
  const samples = Array.from({ length: n }, () => cpuTime(args)).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function median(args, options, n = runs) {
  time(args, options); // warm the file cache
  const samples = Array.from({ length: n }, () => time(args, options)).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const smallPlan = ['examples/northwind-analytics.yaml', 'examples/nordlys-bakeri.yaml']
  .map((p) => path.join(root, p))
  .concat(
    readdirSync(path.join(root, 'examples'))
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => path.join(root, 'examples', f)),
  )
  .find((p) => existsSync(p));
if (!smallPlan) throw new Error('no example plan in examples/');

const rows = [];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
function record(name, ms, baselineName, baselineMs, goal) {
  const ratio = ms / baselineMs;
  rows.push({ name, ms, baselineName, baselineMs, ratio, goal, met: goal === undefined ? undefined : ratio <= goal });
  console.log(
    `${name}: ${fmt(ms)} vs ${baselineName} ${fmt(baselineMs)} = ${ratio.toFixed(2)}x${goal ? ` (goal <= ${goal}x)` : ''}`,
  );
}

// A short plan (3 KB: every section, a few entries each) beside the example (40 KB, every section in full):
// it separates what each start costs from what each plan's size costs.
const shortPlan = path.join(root, 'test/lint/fixtures/complete.yaml');
const exampleKb = Math.round(statSync(smallPlan).size / 1024);

// 1. Cold start: lint one plan against an empty node process. Plans in progress have warnings,
// and a warning needs its line and column: the two sizes also with findings (the acceptance
// plan, 15 warnings; the example over its budget cap, 1 warning).
const warnedExample = path.join(path.dirname(smallPlan), `.bench-warned-${process.pid}.yaml`);
writeFileSync(
  warnedExample,
  readFileSync(smallPlan, 'utf8').replace(/^( {2}cap:\s*)\d+/m, (_, key) => `${key}1000`),
);
const coldStarts = [
  // name, plan, goal against node -e 0
  [`lint one example, ${exampleKb} KB`, smallPlan, 2],
  ['lint one short plan, 3 KB', shortPlan, 2],
  [`lint one example with a warning, ${exampleKb} KB`, warnedExample, 2.3],
  ['lint one short plan with 15 warnings, 3 KB', path.join(root, 'test/fixtures/acceptance/kaffebar.yaml'), 2.3],
];
const nodeBaseline = median(['-e', '0']);
const cpuRows = [];
let lintSmall;
let lintShort;
try {
  for (const [name, plan, goal] of coldStarts) {
    const ms = median([bin, 'lint', plan]);
    if (plan === smallPlan) lintSmall = ms;
    if (plan === shortPlan) lintShort = ms;
    record(`${name} (cold start)`, ms, 'node -e 0', nodeBaseline, goal);
  }
  // The same cold starts in CPU time, which a loaded machine distorts less than wall time.
  const nodeCpu = cpuMedian(['-e', '0']);
  for (const [name, plan, goal] of coldStarts) {
    const ms = cpuMedian([bin, 'lint', plan]);
    cpuRows.push({ name, ms, nodeCpu, ratio: ms / nodeCpu, goal });
    console.log(`${name} (CPU): ${fmt(ms)} vs node -e 0 ${fmt(nodeCpu)} = ${(ms / nodeCpu).toFixed(2)}x`);
  }
} finally {
  rmSync(warnedExample, { force: true });
}

// 2. Many plans in one invocation against one plan.
function lintMany(plan, name) {
  const many = path.join(tmp, `many-${name}`);
  mkdirSync(many);
  // The plan's own data/ (its posts_csv files), so that every copy lints as cleanly as the original.
  const data = path.join(path.dirname(plan), 'data');
  if (existsSync(data)) cpSync(data, path.join(many, 'data'), { recursive: true });
  const files = Array.from({ length: 500 }, (_, i) => {
    const file = `plan-${i}.yaml`;
    // Each copy differs (its title), as 500 real plans would.
    writeFileSync(path.join(many, file), readFileSync(plan, 'utf8').replace(/^(\s+title:\s*)(.*)$/m, `$1"Plan ${i}"`));
    return file;
  });
  return median([bin, 'lint', ...files], { cwd: many }, 5);
}
record(
  `lint 500 examples (${exampleKb} KB each) in one run`,
  lintMany(smallPlan, 'example'),
  'lint one example',
  lintSmall,
  5,
);
record(
  'lint 500 short plans (3 KB each) in one run',
  lintMany(shortPlan, 'short'),
  'lint one short plan',
  lintShort,
  5,
);

// 3. A large plan against the small example: growth must stay linear, no step over 3x.
const large = path.join(tmp, 'large.yaml');
writeFileSync(large, largePlanYaml());
for (const command of ['lint', 'kpi', 'competitors', 'budget', 'calendar']) {
  const small = command === 'lint' ? lintSmall : median([bin, command, smallPlan]);
  record(`${command} large plan`, median([bin, command, large]), `${command} example`, small, 3);
}
const renderSmall = median([bin, 'render', smallPlan, '-o', path.join(tmp, 'out-small')], undefined, 5);
record(
  'render Markdown, large plan',
  median([bin, 'render', large, '-o', path.join(tmp, 'out-large')], undefined, 5),
  'render Markdown, example',
  renderSmall,
  3,
);

// 4. PDF against Chromium's own print of the same HTML.
if (existsSync(path.join(root, 'bench/render.mjs'))) {
  const { benchRender } = await import('./render.mjs');
  const result = await benchRender({ plan: smallPlan, tmp, bin, runs: Math.min(runs, 5) });
  for (const r of result ?? []) record(r.name, r.ms, r.baselineName, r.baselineMs, r.goal);
}

// 5. Live preview: from saving the plan to the page showing the new document, in a real browser.
if (existsSync(path.join(root, 'bench/serve.mjs'))) {
  const { benchServe } = await import('./serve.mjs');
  const result = await benchServe({ plan: smallPlan, tmp, bin, runs });
  if (result) {
    const renderHtml = median([bin, 'render', smallPlan, '--html', '-o', path.join(tmp, 'out-html')], undefined, 5);
    const name = `serve: save the plan → page updated in Chromium (median of ${result.runs} saves; the render itself ${fmt(result.serverMs)})`;
    const met = result.ms <= 500;
    rows.push({
      name,
      ms: result.ms,
      baselineName: 'render --html, example (fresh process)',
      baselineMs: renderHtml,
      ratio: result.ms / renderHtml,
      goalText: '≤ 500 ms',
      met,
    });
    console.log(`${name}: ${fmt(result.ms)} (goal <= 500 ms)`);
  }
}

// 7. Many plans in one run: 200 plans linted, 20 plans to PDF through one browser.
const { batchBenchmarks } = await import('./batch.mjs');
batchBenchmarks({ root, bin, tmp, median, record });

// 6. Installing the packed package as `npx smplan` in CI does: an empty prefix and a cold npm cache each time.
const installRows = benchInstall();

rmSync(tmp, { recursive: true, force: true });

function benchInstall() {
  // --ignore-scripts: pack the dist/ just built (npm run bench builds it clean, as npm pack would).
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
    cwd: root,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr.slice(0, 400)}`);
  const tarball = path.join(tmp, JSON.parse(packed.stdout)[0].filename);
  const samples = [];
  let disk = 0;
  let packages = 0;
  for (let i = 0; i < Math.min(runs, 7); i++) {
    const prefix = path.join(tmp, `prefix-${i}`);
    const cache = path.join(tmp, `cache-${i}`);
    const start = process.hrtime.bigint();
    const r = spawnSync(
      'npm',
      ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, '--cache', cache, tarball],
      { encoding: 'utf8' },
    );
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`npm install -g failed: ${r.stderr.slice(0, 400)}`);
    disk = diskUsage(prefix);
    packages = installedPackages(path.join(prefix, 'lib', 'node_modules'));
    rmSync(prefix, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  samples.sort((a, b) => a - b);
  const mb = (bytes) => bytes / 2 ** 20;
  const out = [
    {
      name: 'npm install -g smplan-*.tgz, cold cache, empty prefix (median)',
      value: `${(samples[Math.floor(samples.length / 2)] / 1000).toFixed(1)} s`,
      goal: '≤ 4 s',
      met: samples[Math.floor(samples.length / 2)] <= 4000,
    },
    { name: 'installed size on disk', value: `${mb(disk).toFixed(1)} MB`, goal: '≤ 15 MB', met: mb(disk) <= 15 },
    { name: 'packages installed', value: String(packages), goal: '≤ 5', met: packages <= 5 },
    {
      name: 'tarball',
      value: `${mb(statSync(tarball).size).toFixed(2)} MB`,
      goal: '≤ 3 MB',
      met: mb(statSync(tarball).size) <= 3,
    },
  ];
  for (const row of out) console.log(`${row.name}: ${row.value} (goal ${row.goal})`);
  return out;
}

/** Bytes of the files under a folder, each rounded up to whole 4 KiB blocks as du counts them. */
function diskUsage(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += Math.ceil(statSync(path.join(entry.parentPath, entry.name)).size / 4096) * 4096;
  }
  return total;
}

/** Packages in a node_modules tree, nested ones included. */
function installedPackages(modules) {
  let count = 0;
  for (const entry of readdirSync(modules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dirs = entry.name.startsWith('@')
      ? readdirSync(path.join(modules, entry.name)).map((n) => path.join(modules, entry.name, n))
      : [path.join(modules, entry.name)];
    for (const d of dirs) {
      count++;
      if (existsSync(path.join(d, 'node_modules'))) count += installedPackages(path.join(d, 'node_modules'));
    }
  }
  return count;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
  `Each figure is the median of ${runs} fresh processes (5 for the 500-plan and render runs) after one warm-up run; the example is \`${path.relative(root, smallPlan)}\`, the large plan is bench/large-plan.mjs (50 competitors × 30 posts, 12 channels, 12-week calendar, 40 budget items).`,
  '',
  '| what | time | against | time | ratio | goal | met |',
  '| --- | ---: | --- | ---: | ---: | ---: | :---: |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.ms)} | ${r.baselineName} | ${fmt(r.baselineMs)} | ${r.ratio.toFixed(2)}× | ${r.goalText ?? (r.goal ? `≤ ${r.goal}×` : '')} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`,
  ),
  '',
  `The lint cold starts again in CPU time (user + system of the process, median of ${runs}), which the other work on a shared machine distorts less than wall time:`,
  '',
  '| what | CPU | node -e 0 | ratio | goal | met |',
  '| --- | ---: | ---: | ---: | ---: | :---: |',
  ...cpuRows.map(
    (r) =>
      `| ${r.name} | ${fmt(r.ms)} | ${fmt(r.nodeCpu)} | ${r.ratio.toFixed(2)}× | ≤ ${r.goal}× | ${r.ratio <= r.goal ? 'yes' : 'no'} |`,
  ),
  '',
  `The package, packed from this build and installed ${Math.min(runs, 7)} times (a new prefix and npm cache each time; npm ${spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim()}):`,
  '',
  '| what | measured | goal | met |',
  '| --- | ---: | ---: | :---: |',
  ...installRows.map((r) => `| ${r.name} | ${r.value} | ${r.goal} | ${r.met ? 'yes' : 'no'} |`),
  '',
];
// What follows the marker is written by hand (what the figures mean, what was done about them) and kept.
const MARKER = '<!-- notes: written by hand, kept by npm run bench -->';
const doc = path.join(root, 'docs/benchmarks.md');
const previous = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
const notes = previous.includes(MARKER) ? previous.slice(previous.indexOf(MARKER)) : `${MARKER}\n`;
writeFileSync(doc, lines.join('\n') + '\n' + notes);
console.log('wrote docs/benchmarks.md');
