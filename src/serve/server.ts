/**
 * The preview's HTTP server. It answers GET (and HEAD) for a fixed set of paths, each made in
 * memory: no part of a request reaches the file system. It listens on the loopback addresses
 * unless told otherwise, refuses a Host header that names another site (DNS rebinding), and
 * every page carries a Content-Security-Policy; the document's allows no script at all.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import os from 'node:os';
import type { Channel } from 'better-sse';
import { UsageError } from '../errors.js';
import { CSP as DOCUMENT_CSP } from '../render/html.js';
import { LIVE_SCRIPT, NO_DOCUMENT_PAGE, SERVE_CSS, shellPage } from './pages.js';
import type { Preview, PreviewState, RenderedDocument } from './preview.js';

export interface ServerOptions {
  preview: Preview;
  /** The plan as the user named it, shown in the page. */
  file: string;
  /** --host: listen there instead of 127.0.0.1 and ::1. */
  host?: string | undefined;
  /** 0 picks a free port. */
  port: number;
  /** Prints a document to PDF (for /print and /plan.pdf). */
  printPdf: (document: RenderedDocument) => Promise<Uint8Array>;
}

export interface PreviewServer {
  /** Where to open the page: http://127.0.0.1:PORT/ unless --host says otherwise. */
  url: string;
  /** The addresses really listened on (ADDRESS:PORT), as the system reports them. */
  listening: string[];
  /** True when any of them is not a loopback address: the preview is reachable from the network. */
  exposed: boolean;
  port: number;
  /** Sends the new state to every open page. */
  publish(state: PreviewState): void;
  close(): Promise<void>;
}

/** The server's own pages: scripts and styles from this server only, frames of its own. */
const SHELL_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The document as `render --html` writes it; it may only be framed by the page around it. */
const FRAMED_DOCUMENT_CSP = `${DOCUMENT_CSP}; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startServer(options: ServerOptions): Promise<PreviewServer> {
  const { createChannel, createSession } = await import('better-sse');
  const channel: Channel = createChannel();
  const publicState = (state: PreviewState) => ({ ...state, file: options.file });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, options.host)) {
      return send(
        res,
        403,
        'text/plain',
        'Refused: this server answers only to localhost (the Host header names another site).\n',
      );
    }
    // Another site may not make the browser ask either (a print on every page view of theirs):
    // browsers say where a request comes from; none (typed, bookmarked) or this origin is fine.
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      return send(res, 403, 'text/plain', 'Refused: a request from another site.\n');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'text/plain', 'Only GET is allowed.\n');
    }
    // The raw path, compared as it came: nothing is decoded, joined or normalised.
    const route = (req.url ?? '').split('?')[0];
    const document = options.preview.document;
    switch (route) {
      case '/':
      case '/print':
        return send(
          res,
          200,
          'text/html',
          shellPage(route === '/' ? 'document' : 'print', document?.version ?? 0),
          SHELL_CSP,
        );
      case '/document':
        return send(res, 200, 'text/html', document?.html ?? NO_DOCUMENT_PAGE, FRAMED_DOCUMENT_CSP);
      case '/plan.pdf': {
        if (!document) return send(res, 409, 'text/plain', 'No document yet: the plan has errors.\n');
        let pdf: Uint8Array;
        try {
          pdf = await options.printPdf(document);
        } catch (err) {
          const message = String((err as Error)?.message ?? err).split('\n')[0];
          return send(res, 503, 'text/plain', `Cannot print the PDF: ${message}\n${(err as UsageError).hint ?? ''}\n`);
        }
        res.setHeader('Content-Disposition', 'inline; filename="plan.pdf"');
        return send(res, 200, 'application/pdf', pdf, "default-src 'none'; frame-ancestors 'self'");
      }
      case '/_smplan/live.js':
        return send(res, 200, 'text/javascript', LIVE_SCRIPT);
      case '/_smplan/serve.css':
        return send(res, 200, 'text/css', SERVE_CSS);
      case '/events': {
        if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Only GET is allowed.\n');
        const session = await createSession(req, res, { headers: COMMON_HEADERS, keepAlive: 15_000, retry: 500 });
        channel.register(session);
        session.push(publicState(options.preview.state), 'state');
        return;
      }
      default:
        return send(res, 404, 'text/plain', 'Not found: this server serves the plan document only.\n');
    }
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error.\n');
      else res.destroy();
    });
  };

  const { servers, port } = await listenAll(listener, options.host, options.port);
  const listening = servers.map((server) => {
    const a = server.address() as AddressInfo;
    return `${a.family === 'IPv6' || isIP(a.address) === 6 ? `[${a.address}]` : a.address}:${a.port}`;
  });
  const shownHost = !options.host
    ? '127.0.0.1'
    : options.host === '0.0.0.0' || options.host === '::'
      ? 'localhost'
      : options.host;
  return {
    url: `http://${isIP(shownHost) === 6 ? `[${shownHost}]` : shownHost}:${port}/`,
    port,
    listening,
    exposed: servers.some((server) => !isLoopback((server.address() as AddressInfo).address)),
    publish: (state) => void channel.broadcast(publicState(state), 'state'),
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              // Open pages hold their event streams open: end them rather than wait.
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array, csp?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type.startsWith('text/') ? `${type}; charset=utf-8` : type);
  if (csp) res.setHeader('Content-Security-Policy', csp);
  res.setHeader('Content-Length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  res.end(body);
}

/**
 * The names a request may use for this server. A page on another site can make the browser
 * resolve its own name to 127.0.0.1 (DNS rebinding); its requests still carry that name.
 */
export function isAllowedHost(header: string | undefined, listenHost: string | undefined): boolean {
  if (!header) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${header}`).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  } catch {
    return false;
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '::1')
    return true;
  if (listenHost === undefined) return false;
  // An address cannot be rebound; a name can only be the one the user gave or this machine's.
  return isIP(hostname) !== 0 || hostname === listenHost.toLowerCase() || hostname === os.hostname().toLowerCase();
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** 127.0.0.1 and ::1 on one port (or --host alone); a port taken is a clear ListenError. */
async function listenAll(
  listener: Listener,
  host: string | undefined,
  port: number,
): Promise<{ servers: Server[]; port: number }> {
  if (host !== undefined) {
    const server = await listen(listener, host, port);
    return { servers: [server], port: (server.address() as AddressInfo).port };
  }
  for (let attempt = 0; ; attempt++) {
    const first = await listen(listener, '127.0.0.1', port);
    const actual = (first.address() as AddressInfo).port;
    try {
      return { servers: [first, await listen(listener, '::1', actual)], port: actual };
    } catch (err) {
      const code = ((err as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      // No IPv6 on this machine: 127.0.0.1 alone.
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return { servers: [first], port: actual };
      first.close();
      // The free port of 127.0.0.1 is taken on ::1: pick another.
      if (port === 0 && code === 'EADDRINUSE' && attempt < 5) continue;
      throw err;
    }
  }
}

/** 127.0.0.0/8, ::1 and ::ffff:127.x: only this machine reaches them. */
export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

/** The preview cannot listen where asked: the port is taken, or the host is not this machine's. */
export class ListenError extends UsageError {
  constructor(
    readonly host: string,
    readonly port: number,
    message: string,
    options: { hint: string; cause: unknown },
  ) {
    super(message, options);
    this.name = 'ListenError';
  }
}

function listen(listener: Listener, host: string, port: number): Promise<Server> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const where = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
      const message =
        err.code === 'EADDRINUSE'
          ? `port ${port} is in use (${where}); is another smplan serve running?`
          : err.code === 'EACCES'
            ? `no permission to listen on ${where}`
            : err.code === 'EADDRNOTAVAIL'
              ? `cannot listen on ${host}: not an address of this machine`
              : err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN'
                ? `cannot listen on ${host}: no such host`
                : `cannot listen on ${where}: ${err.message}`;
      const portProblem = err.code === 'EADDRINUSE' || (err.code === 'EACCES' && port < 1024);
      reject(
        new ListenError(host, port, message, {
          cause: err,
          hint: portProblem
            ? 'Choose another port with --port N, or --port 0 for any free port.'
            : 'Give --host an address of this machine (127.0.0.1, ::1, 0.0.0.0 for every interface) or its name, or leave --host out.',
        }),
      );
    });
    server.listen({ host, port, exclusive: true }, () => resolve(server));
  });
}
