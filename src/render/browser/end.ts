/** Ending the browser process: its whole process group, then its profile and singleton socket folder. */
import type { ChildProcess } from 'node:child_process';
import { readlink, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';

/** The longest closing waits for any one step (the start-up, a graceful close, the exit): a browser that stops answering cannot hang it. */
export const CLOSE_STEP_MS = 5000;

/** Waits until the work has settled, however it ends, but no longer than ms. */
export function settledWithin(work: Promise<unknown>, ms: number): Promise<unknown> {
  return Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
}

/**
 * Removes the profile and the folder Chromium keeps its singleton socket in (in the temporary folder): a browser that is ended rather than shut down leaves that behind. The
 * profile's SingletonSocket link names exactly this browser's folder.
 */
export async function removeProfile(profile: string): Promise<void> {
  const socket = await readlink(path.join(profile, 'SingletonSocket')).catch(() => undefined);
  const socketDir = socket === undefined ? undefined : path.dirname(socket);
  // Chromium names it org.chromium.Chromium.XXXXXX, Google Chrome com.google.Chrome.XXXXXX.
  if (socketDir && /^(org\.chromium\.Chromium|com\.google\.Chrome(\.[a-z]+)?)\.\w+$/.test(path.basename(socketDir))) {
    await rm(socketDir, { recursive: true, force: true });
  }
  await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** Ends the browser and waits (at most CLOSE_STEP_MS) until it has exited, so its profile can go. */
export async function endBrowser(child: ChildProcess | undefined, browser: Browser | undefined): Promise<void> {
  // No pid: it never started (spawn failed).
  if (!child?.pid) return;
  const running = () => child.exitCode === null && child.signalCode === null;
  const exited = new Promise((resolve) => (running() ? child.once('exit', resolve) : resolve(undefined)));
  if (process.platform === 'win32') {
    // Windows has no process groups: a graceful close ends the renderers with the browser.
    if (browser && running()) await settledWithin(browser.close(), CLOSE_STEP_MS);
  } else {
    // Its profile is thrown away, so there is nothing to shut down cleanly: end the whole
    // process group (renderers, zygote) at once instead of a graceful close (about 100 ms).
    // Also when it has exited already: what it started may still run.
    await browser?.disconnect().catch(() => undefined);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group is gone already.
    }
  }
  if (running()) child.kill('SIGKILL');
  await settledWithin(exited, CLOSE_STEP_MS);
}
