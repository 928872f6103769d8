#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules a command loads between runs (a no-op before).
module.enableCompileCache?.();
// With --debug, stack traces point into src/ (in a local build, which keeps its source maps).
if (process.argv.includes('--debug') || process.env.SMPLAN_DEBUG) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/cli.js');

process.exitCode = await run(process.argv.slice(2));
