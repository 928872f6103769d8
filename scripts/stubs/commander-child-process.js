// commander requires node:child_process at load only to run executable subcommands
// (`program.command('x', 'desc')` with a separate file), which smplan does not have. Loading it
// (and net, dgram and the rest it pulls in) cost every `smplan lint` a few milliseconds of start-up.
function unused() {
  throw new Error('smplan has no executable subcommands');
}
module.exports = { spawn: unused };
