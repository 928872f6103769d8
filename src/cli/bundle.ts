/** What the built program (dist/cli.cjs) gives its loader, dist/boot.js. */
export { main } from './main.js';
export { serveLintJobs } from './lint-worker.js';
