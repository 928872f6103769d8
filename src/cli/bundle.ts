/** The built program's entry (dist/cli.js), which bin/smplan.js imports: one command run on the real process. */
import { main } from './main.js';
import { processIo } from './io.js';
// The lint command, and with it the plan reading, schema and rules nearly every command uses, is
// part of the entry: otherwise the bundler splits what the commands share into dozens of small
// chunks, each a module to resolve and compile on every start. Heavy libraries stay lazy.
import './lint.js';

export function run(argv: string[]): Promise<number> {
  return main(argv, processIo());
}
