import { Command, CommanderError, Option } from 'commander';
import { PlanComputeError } from '../compute/errors.js';
import { PlanInvalidError } from '../diagnostics.js';
import { CLIError, EXIT } from '../errors.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { commands, type CommandSpec } from './commands.js';
import { colorsFor, processIo, writeLine, type Io } from './io.js';

declare const SMPLAN_VERSION: string | undefined;
const version: string = typeof SMPLAN_VERSION === 'string' ? SMPLAN_VERSION : '0.0.0-dev';

function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}

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
    if (o.default !== undefined) option.default(o.parse && typeof o.default === 'string' ? o.parse(o.default, undefined) : o.default);
    cmd.addOption(option);
  }
  cmd.action(async (...params: unknown[]) => {
    const self = params.at(-1) as Command;
    const args = self.processedArgs.flatMap((a: unknown) => (a === undefined ? [] : Array.isArray(a) ? a : [a])) as string[];
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
    return report(err, io);
  }
}

/** The domain errors below the CLI, as the message and exit code a user sees. */
function asCLIError(err: unknown): unknown {
  if (err instanceof PlanInvalidError) {
    return new CLIError(`${err.message}:\n${formatStylish([...err.findings], { color: false })}`, EXIT.invalid, {
      hint: 'Fix the errors above (`smplan lint` lists them all), then run this again.',
    });
  }
  // Commands locate it through computeFor; one that escapes still refuses the plan, unlocated.
  if (err instanceof PlanComputeError) return new CLIError(err.message, EXIT.invalid);
  return err;
}

function report(err: unknown, io: Io): number {
  const c = colorsFor(io, 'stderr');
  if (err instanceof CommanderError) {
    // Help and version are successes; every other parse problem is a usage error.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (isPromptExit(err)) {
    writeLine(io.stderr, c.dim('Interrupted.'));
    return EXIT.interrupted;
  }
  err = asCLIError(err);
  if (err instanceof CLIError) {
    if (err.message) writeLine(io.stderr, `${c.red('smplan:')} ${err.message}`);
    if (err.hint) writeLine(io.stderr, c.dim(err.hint));
    if (io.debug && err.cause instanceof Error) writeLine(io.stderr, err.cause.stack ?? String(err.cause));
    return err.exitCode;
  }
  if (io.debug) {
    writeLine(io.stderr, (err as Error)?.stack ?? String(err));
  } else {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    writeLine(io.stderr, `${c.red('smplan: internal error:')} ${message}`);
    writeLine(io.stderr, c.dim('This is a bug in smplan. Rerun with --debug for details and report it.'));
  }
  return EXIT.internal;
}
