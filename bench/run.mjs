// `npm run bench`: times the built CLI as users run it (fresh processes) and writes
// docs/benchmarks.md with the machine, the date and each goal met or not.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { largePlanYaml } from './large-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/smplan.js');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'smplan-bench-'));

function time(args, { cwd = root, expect = [0, 1] } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!expect.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  return ms;
}

function median(args, options, n = runs) {
  time(args, options); // warm the file cache
  const samples = Array.from({ length: n }, () => time(args, options)).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const smallPlan = ['examples/northwind-analytics.yaml', 'examples/nordlys-bakeri.yaml']
  .map((p) => path.join(root, p))
  .concat(readdirSync(path.join(root, 'examples')).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(root, 'examples', f)))
  .find((p) => existsSync(p));
if (!smallPlan) throw new Error('no example plan in examples/');

const rows = [];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
function record(name, ms, baselineName, baselineMs, goal) {
  const ratio = ms / baselineMs;
  rows.push({ name, ms, baselineName, baselineMs, ratio, goal, met: goal === undefined ? undefined : ratio <= goal });
  console.log(`${name}: ${fmt(ms)} vs ${baselineName} ${fmt(baselineMs)} = ${ratio.toFixed(2)}x${goal ? ` (goal <= ${goal}x)` : ''}`);
}

// 1. Cold start: lint one example against an empty node process.
const nodeBaseline = median(['-e', '0']);
const lintSmall = median([bin, 'lint', smallPlan]);
record('lint one example (cold start)', lintSmall, 'node -e 0', nodeBaseline, 2);

// 2. Many plans in one invocation against one plan.
const many = path.join(tmp, 'many');
mkdirSync(many);
if (existsSync(path.join(root, 'examples/data'))) cpSync(path.join(root, 'examples/data'), path.join(many, 'data'), { recursive: true });
const plans = Array.from({ length: 500 }, (_, i) => {
  const file = path.join(many, `plan-${i}.yaml`);
  cpSync(smallPlan, file);
  return file;
});
const lintMany = median([bin, 'lint', ...plans.map((p) => path.basename(p))], { cwd: many }, 5);
record('lint 500 plans in one run', lintMany, 'lint one plan', lintSmall, 5);

// 3. A large plan against the small example: growth must stay linear, no step over 3x.
const large = path.join(tmp, 'large.yaml');
writeFileSync(large, largePlanYaml());
for (const command of ['lint', 'kpi', 'competitors', 'budget', 'calendar']) {
  const small = command === 'lint' ? lintSmall : median([bin, command, smallPlan]);
  record(`${command} large plan`, median([bin, command, large]), `${command} example`, small, 3);
}
const renderSmall = median([bin, 'render', smallPlan, '-o', path.join(tmp, 'out-small')], undefined, 5);
record('render Markdown, large plan', median([bin, 'render', large, '-o', path.join(tmp, 'out-large')], undefined, 5), 'render Markdown, example', renderSmall, 3);

// 4. PDF against Chromium's own print of the same HTML.
if (existsSync(path.join(root, 'bench/render.mjs'))) {
  const { benchRender } = await import('./render.mjs');
  const result = await benchRender({ plan: smallPlan, tmp, bin, runs: Math.min(runs, 5) });
  for (const r of result ?? []) record(r.name, r.ms, r.baselineName, r.baselineMs, r.goal);
}

rmSync(tmp, { recursive: true, force: true });

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
  `Each figure is the median of ${runs} fresh processes (5 for the 500-plan and render runs) after one warm-up run; the example is \`${path.relative(root, smallPlan)}\`, the large plan is bench/large-plan.mjs (50 competitors × 30 posts, 12 channels, 12-week calendar, 40 budget items).`,
  '',
  '| what | time | against | time | ratio | goal | met |',
  '| --- | ---: | --- | ---: | ---: | ---: | :---: |',
  ...rows.map((r) => `| ${r.name} | ${fmt(r.ms)} | ${r.baselineName} | ${fmt(r.baselineMs)} | ${r.ratio.toFixed(2)}× | ${r.goal ? `≤ ${r.goal}×` : ''} | ${r.met === undefined ? '' : r.met ? 'yes' : 'no'} |`),
  '',
];
writeFileSync(path.join(root, 'docs/benchmarks.md'), lines.join('\n') + (process.env.BENCH_NOTES ?? ''));
console.log('wrote docs/benchmarks.md');
