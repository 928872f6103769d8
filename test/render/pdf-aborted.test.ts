/**
 * Ctrl-C can land before the printer starts (render reads --actuals first): the start-up then
 * fails on the aborted signal with nobody waiting for it yet, and that failure must not surface
 * as an unhandled rejection, which would end Node with a stack trace instead of exit 130.
 */
import { expect, it } from 'vitest';
import { startPrinter } from '../../src/render/pdf.js';

it('a printer started with the signal already aborted rejects print with the interrupt and leaves no unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    const printer = startPrinter({
      browserPath: '/bin/true',
      paper: 'a4',
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    await expect(printer.print('<p>x</p>')).rejects.toThrow('interrupted');
    // close() waits for the start-up to settle; its failure would be reported a tick later.
    await printer.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
