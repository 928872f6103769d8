#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps the compiled code of the modules a command loads (the document's libraries);
// the program itself is cached by dist/boot.js on every Node.
module.enableCompileCache?.();
// With --debug, stack traces point into src/ rather than the minified bundle.
if (process.argv.includes('--debug') || process.env.SMPLAN_DEBUG) process.setSourceMapsEnabled(true);
const { run } = await import('../dist/boot.js');

process.exitCode = await run(process.argv.slice(2));
