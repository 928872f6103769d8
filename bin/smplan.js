#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs (lint starts faster in CI); older Node has no such API.
module.enableCompileCache?.();
// With --debug, stack traces point into src/ rather than the minified bundle.
if (process.argv.includes('--debug') || process.env.SMPLAN_DEBUG) process.setSourceMapsEnabled(true);
const { main } = await import('../dist/cli.js');

process.exitCode = await main(process.argv.slice(2));
