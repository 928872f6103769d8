import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './errors.js';
import { commands, type CommandSpec } from './commands.js';
import { colorsFor, processIo, type Io } from './io.js';
import { reportError } from './report.js';

declare const SMPLAN_VERSION: string | undefined;
const version: string = typeof SMPLAN_VERSION === 'string' ? SMPLAN_VERSION : '0.0.0-dev';

const groupDescriptions: Record<string, string> = {
  templates: 'custom templates: `smplan templates eject DIR` copies the built-in ones to edit',
};

function buildProgram(io: Io, ran: { code: number }): Command {
  const program = new Command('smplan')
    .description('Write a social media strategy as a checkable plan.')
    .version(version, '-V, --version')
    .option('--debug', 'show internal details (stack traces) on errors')
    .option('--color', 'force colour output')
    .option('--no-color', 'never use colour')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Commander says `error: …`; every other message of ours starts `smplan: …`.
      outputError: (s, write) => write(colorsFor(io, 'stderr').red(s.replace(/^error: /, 'smplan: '))),
    });

  const parents = new Map<string, Command>();
  for (const spec of commands) {
    const words = spec.name.split(' ');
    let parent = program;
    for (const word of words.slice(0, -1)) {
      let group = parents.get(word);
      if (!group) {
        group = program.command(word).description(groupDescriptions[word] ?? word);
        parents.set(word, group);
      }
      parent = group;
    }
    const cmd = parent.command(`${words.at(-1)}${spec.args ? ' ' + spec.args : ''}`);
    configure(cmd, spec, io, ran, program);
  }
  return program;
}

function configure(cmd: Command, spec: CommandSpec, io: Io, ran: { code: number }, program: Command): void {
  cmd.description(spec.summary).exitOverride();
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  for (const o of spec.options) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices(o.choices);
    if (o.parse) option.argParser(o.parse as (value: string, previous: unknown) => unknown);
    if (o.default !== undefined)
      option.default(o.parse && typeof o.default === 'string' ? o.parse(o.default, undefined) : o.default);
    cmd.addOption(option);
  }
  cmd.action(async (...params: unknown[]) => {
    const self = params.at(-1) as Command;
    const args = self.processedArgs.flatMap((a: unknown) =>
      a === undefined ? [] : Array.isArray(a) ? a : [a],
    ) as string[];
    const globals = program.opts<{ debug?: boolean; color?: boolean }>();
    io.debug = io.debug || Boolean(globals.debug);
    if (globals.color !== undefined) io.colorFlag = globals.color;
    const { run } = await spec.load();
    ran.code = await run(args, self.opts(), io);
  });
}

/** Runs the CLI and returns the exit code. The one place where errors become exit codes. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  if (io.env.SMPLAN_DEBUG) io.debug = true;
  if (argv.includes('--debug')) io.debug = true;
  const ran = { code: EXIT.ok as number };
  const program = buildProgram(io, ran);
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return ran.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; every other parse problem is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(err, io);
  }
}
