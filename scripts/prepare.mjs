// npm runs `prepare` when it installs smplan from git (dist/ is not committed) and in a checkout.
// It builds dist/. A global install from git (`npm install -g git+URL`) runs it without the
// devDependencies it installs for any other git install (https://github.com/npm/cli/issues/8440):
// then they are installed here, into this folder only, first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require.resolve('esbuild');
} catch {
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location)$/i.test(key)));
  const args = ['install', '--global=false', '--include=dev', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts'];
  const installed = spawnSync(npm[0], [...npm.slice(1), ...args], { stdio: 'inherit', env });
  if (installed.status !== 0) process.exit(installed.status ?? 1);
}
process.argv.push('--clean');
await import('./build.mjs');
