/** Starting the browser process for printing: smplan's flags, a fresh profile, the sandbox when the host has one. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { PuppeteerNode } from 'puppeteer-core';

/** Flags that keep a headless print quiet, offline and free of state. */
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  '--mute-audio',
  // Headless Chromium preloads the omnibox popup (a WebUI renderer) it never shows; on two
  // cores that costs the first print about a quarter of its time.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** Chromium's sandbox does not work as root, and usually not in a container. */
function needsNoSandbox(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform !== 'linux') return false;
  if (process.getuid?.() === 0) return true;
  return Boolean(env.container) || existsSync('/.dockerenv') || existsSync('/run/.containerenv');
}

export interface RunningBrowser {
  child: ChildProcess;
  /** The DevTools WebSocket address it printed once ready; undefined until then. */
  endpoint?: string;
  /** What it wrote on stderr (the last 16 KB), for --debug and for error messages. */
  output(): string;
}

/**
 * Starts the browser with smplan's flags and a fresh profile, and waits until its DevTools
 * endpoint is up. smplan starts the process itself (not puppeteer.launch) so that it always knows
 * whether the browser is still alive, and ends it, with its whole process group, itself.
 */
export async function launch(
  puppeteer: Pick<PuppeteerNode, 'defaultArgs'>,
  options: { browserPath: string; debug?: ((line: string) => void) | undefined },
  profile: string,
  signal: AbortSignal,
  started: (b: RunningBrowser) => void,
): Promise<RunningBrowser> {
  let latest: RunningBrowser | undefined;
  const start = async (noSandbox: boolean): Promise<RunningBrowser> => {
    const extra = [...CHROMIUM_ARGS, ...(noSandbox ? ['--no-sandbox'] : [])];
    options.debug?.(`launching with ${extra.join(' ')}`);
    signal.throwIfAborted();
    const args = [
      ...puppeteer.defaultArgs({ headless: true, userDataDir: profile, args: extra }),
      '--remote-debugging-port=0',
    ];
    const child = spawn(options.browserPath, args, {
      // Its own process group, so that ending it ends its renderers too.
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'ignore', 'pipe'],
      windowsHide: true,
      env: { ...process.env, LANG: process.env.LANG ?? 'C.UTF-8' },
    });
    let output = '';
    const running: RunningBrowser = { child, output: () => output };
    latest = running;
    started(running);
    // Read all its output (kept for --debug; a full pipe would block it); the first thing to wait
    // for is the line with its DevTools endpoint.
    let onOutput = () => {};
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      output = (output + chunk).slice(-16_384);
      onOutput();
    });
    await new Promise<void>((resolve, reject) => {
      const finish = (err?: unknown) => {
        onOutput = () => {};
        child.off('exit', onExit);
        child.off('error', onError);
        signal.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      onOutput = () => {
        const endpoint = /DevTools listening on (ws:\/\/\S+)/.exec(output)?.[1];
        if (endpoint) {
          running.endpoint = endpoint;
          finish();
        }
      };
      const onExit = (code: number | null, exitSignal: string | null) =>
        finish(
          new Error(
            `it exited before it was ready (${exitReason(code, exitSignal)})${output.trim() ? `: ${output.trim().split('\n').at(-1)!.slice(0, 200)}` : ''}`,
          ),
        );
      const onError = (err: Error) => finish(err);
      const onAbort = () => finish(signal.reason);
      child.once('exit', onExit);
      child.once('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    return running;
  };
  const noSandbox = needsNoSandbox();
  try {
    return await start(noSandbox);
  } catch (err) {
    // Some hosts have no usable sandbox (no user namespaces); retry once without it.
    if (!noSandbox && !signal.aborted && /sandbox/i.test(`${(err as Error)?.message} ${latest?.output() ?? ''}`)) {
      options.debug?.('the sandbox is not available here; retrying with --no-sandbox');
      return start(true);
    }
    throw err;
  }
}

/** How a browser process ended, as its 'exit' event reports it. */
export function exitReason(code: number | null, signal: string | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function browserName(file: string): string {
  return /chromium/i.test(file)
    ? 'Chromium'
    : /edge/i.test(file)
      ? 'Edge'
      : /chrome/i.test(file)
        ? 'Chrome'
        : path.basename(file);
}
