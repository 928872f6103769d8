// `npm run test:dates`: the suites that deal in dates, run with the system clock set (libfaketime)
// to days on which a test that reads the clock breaks: the first and last day of a year's last
// month, a leap day, and the night Europe/Oslo moves to summer time. Tests pin "now" themselves;
// this proves that none of them still reads it. No Chromium here: it does not run under libfaketime.
import { spawnSync } from 'node:child_process';

const DAYS = [
  { at: '2026-12-01 00:30:00', tz: 'UTC' },
  { at: '2026-12-31 23:30:00', tz: 'Europe/Oslo' },
  { at: '2028-02-29 12:00:00', tz: 'America/New_York' },
  { at: '2027-03-28 01:59:00', tz: 'Europe/Oslo' },
];
const SUITES = [
  'test/init/interview.test.ts',
  'test/init/inquirer.test.ts',
  'test/init/parts.test.ts',
  'test/compute/calendar.test.ts',
  'test/compute/track.test.ts',
  'test/cli/calendar.test.ts',
  'test/cli/track.test.ts',
  'test/cli/track-actuals.test.ts',
  'test/cli/track-render.test.ts',
  'test/render/html.test.ts',
  'test/render/folder.test.ts',
  'test/render/charts-tracking.test.ts',
];

if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
  console.error('test:dates needs libfaketime (Debian: apt-get install faketime)');
  process.exit(1);
}
for (const { at, tz } of DAYS) {
  console.log(`\n== clock at ${at} ${tz}`);
  const r = spawnSync('faketime', [at, 'npx', 'vitest', 'run', ...SUITES], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (r.status !== 0) {
    console.error(`test:dates: the suites fail with the clock at ${at} (${tz})`);
    process.exit(1);
  }
}
