// `npm run test:node-versions` (part of `npm run check`): the unit project and one end-to-end
// render (Markdown, HTML, PDF) and a --concurrency lint on each supported Node besides the one
// running: 22 and 24. Each is installed from the npm registry as `node-<os>-<arch>`, the package
// that holds the Node binary itself and needs no install script (the `node` package fetches it
// in a preinstall script), into node_modules/.cache/smplan-node/, and reused from there.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAJORS = (process.env.SMPLAN_NODE_VERSIONS ?? '22 24').split(/\s+/).filter(Boolean);
const running = process.versions.node.split('.')[0];
const pkg = `node-${process.platform}-${process.arch}`;
// The test runs' fixed "now" (test/helpers/cli.ts TEST_EPOCH): 2026-11-15 12:00 UTC.
const EPOCH = String(Date.UTC(2026, 10, 15, 12) / 1000);

function nodeFor(major) {
  const dir = path.join(root, 'node_modules', '.cache', 'smplan-node', major);
  const bin = path.join(dir, 'node_modules', pkg, ...(process.platform === 'win32' ? ['node.exe'] : ['bin', 'node']));
  const version = () => spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!existsSync(bin) || !version().startsWith(`v${major}.`)) {
    console.log(`node-versions: installing ${pkg}@${major} from the npm registry`);
    execFileSync(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', '--no-package-lock', `${pkg}@${major}`],
      { stdio: 'inherit' },
    );
  }
  if (!version().startsWith(`v${major}.`)) throw new Error(`${pkg}@${major}: ${bin} is not Node ${major}`);
  return { bin, version: version() };
}

function run(bin, args, options = {}) {
  const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0)
    throw new Error(`${path.basename(bin)} ${args.join(' ')} exited ${r.status}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r.stdout;
}

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
if (!chromium && process.env.CI) throw new Error('node-versions: no Chromium, and CI is set');

for (const major of MAJORS) {
  if (major === running) {
    console.log(`node-versions: Node ${major} is the one running the suite: skipped`);
    continue;
  }
  const node = nodeFor(major);
  console.log(`node-versions: ${node.version}: the unit project`);
  execFileSync(node.bin, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit'], {
    cwd: root,
    stdio: 'inherit',
  });
  const work = mkdtempSync(path.join(os.tmpdir(), `smplan-node${major}-`));
  try {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH };
    const smplan = (args) => run(node.bin, [path.join(root, 'bin/smplan.js'), ...args], { cwd: work, env });
    console.log(`node-versions: ${node.version}: render ${chromium ? '--all' : '--html (no Chromium)'}`);
    const plan = path.join(root, 'test/fixtures/acceptance/kaffebar.yaml');
    smplan(['render', plan, '-o', 'out', ...(chromium ? ['--all', '--browser', chromium] : ['--html'])]);
    const out = readdirSync(path.join(work, 'out'));
    for (const file of ['README.md', 'plan.html', ...(chromium ? ['plan.pdf'] : [])])
      if (!out.includes(file)) throw new Error(`render on ${node.version}: no ${file} in ${out.join(', ')}`);
    if (chromium && spawnSync('pdftotext', ['-v']).status === 0) {
      const text = run('pdftotext', [path.join(work, 'out', 'plan.pdf'), '-'], { cwd: work });
      const title = /^\s+title:\s*(.+)$/m.exec(readFileSync(plan, 'utf8'))?.[1]?.replace(/^["']|["']$/g, '');
      if (!title || !text.replace(/\s+/g, ' ').includes(title))
        throw new Error(`render on ${node.version}: the PDF does not say "${title}"`);
    }
    console.log(`node-versions: ${node.version}: lint --concurrency 2`);
    const plans = path.join(work, 'plans');
    cpSync(path.join(root, 'examples', 'data'), path.join(plans, 'data'), { recursive: true });
    const example = readFileSync(path.join(root, 'examples', 'nordlys-bakeri.yaml'), 'utf8');
    for (let i = 0; i < 4; i++) writeFileSync(path.join(plans, `plan-${i}.yaml`), example);
    const report = smplan(['lint', '--concurrency', '2', 'plans']);
    if (!report.includes('4 files checked: 0 errors, 0 warnings'))
      throw new Error(`lint --concurrency 2 on ${node.version}: ${report}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`node-versions: ${node.version}: passed`);
}
