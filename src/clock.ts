/**
 * "Now" for everything dated by the run (the document's date, an ICS stamp, the interview's
 * default start): the clock, or SOURCE_DATE_EPOCH (seconds since 1970) when it is set, as
 * reproducible builds expect; tests set it to run the CLI on a date of their choosing.
 */
export function now(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}
