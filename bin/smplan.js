#!/usr/bin/env node
// With --debug, stack traces point into src/ rather than the minified bundle.
if (process.argv.includes('--debug') || process.env.SMPLAN_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv.slice(2));
