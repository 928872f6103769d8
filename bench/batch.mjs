// Many plans in one run (issue: an agency with many client plans): 200 plans linted against one,
// and 20 plans rendered to PDF through one browser against one plan to PDF. Fresh processes, as users run them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

export function batchBenchmarks({ root, bin, tmp, median, record }) {
  const example = path.join(root, 'examples', 'nordlys-bakeri.yaml');
  const make = (name, n) => {
    const dir = path.join(tmp, name);
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(root, 'examples', 'data'), path.join(dir, 'data'), { recursive: true });
    const text = readFileSync(example, 'utf8');
    return Array.from({ length: n }, (_, i) => {
      const file = `client-${String(i).padStart(3, '0')}.yaml`;
      writeFileSync(path.join(dir, file), text.replace(/^(\s+title:\s*)(.*)$/m, `$1"Client ${i}"`));
      return file;
    });
  };
  const lintDir = path.join(tmp, 'batch-lint');
  const lintFiles = make('batch-lint', 200);
  const lintOne = median([bin, 'lint', lintFiles[0]], { cwd: lintDir });
  record('lint 200 plans in one run', median([bin, 'lint', '.'], { cwd: lintDir }, 5), 'lint one plan', lintOne, 4);
  // Worker threads as --concurrency auto sizes them (none on 2 cores), and one per core.
  const cores = availableParallelism();
  for (const concurrency of ['auto', String(cores)])
    record(
      `lint 200 plans in one run, --concurrency ${concurrency}${concurrency === 'auto' ? '' : ' (the cores)'}`,
      median([bin, 'lint', '--concurrency', concurrency, '.'], { cwd: lintDir }, 5),
      'lint one plan',
      lintOne,
      4,
    );

  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (p) => spawnSync(p, ['--version']).status === 0,
  );
  if (!chromium) {
    console.log('batch PDF: no Chromium found, skipped');
    return;
  }
  const pdfDir = path.join(tmp, 'batch-pdf');
  const pdfFiles = make('batch-pdf', 20);
  const one = median([bin, 'render', pdfFiles[0], '--pdf', '--browser', chromium, '-o', 'one'], { cwd: pdfDir }, 3);
  record(
    'render 20 plans to PDF in one run (one browser)',
    median([bin, 'render', '.', '--pdf', '--browser', chromium, '-o', 'all'], { cwd: pdfDir }, 1),
    'render one plan to PDF',
    one,
    6,
  );
}
