// Development and test harness: serves the built renderer and the contract's
// handlers over HTTP on the loopback interface only, backed by a real SQLite
// file. It is how the UI is exercised where the Electron binary is absent.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { openDesk, type Desk } from '../main/core/desk';
import type { Clock } from '../main/core/context';
import { createDirectoryBackend } from '../main/core/features/printing/spooler';
import { dispatchWhenOpen, openedWithin, WINDOW_WAIT_MS } from '../main/shell/desk-opening';

const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HarnessOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  clock?: Clock;
  /** Writes every print job's PDF into this folder instead of sending it to a printer. */
  printTo?: string;
  /** A backup to restore before opening (--restore). */
  restoreFrom?: string;
  /** Holds the open desk back this long, as a start that checks years of tickets does (--hold-open-ms). */
  holdOpenMs?: number;
}

export interface Harness {
  url: string;
  /** The desk, once it has opened (it fails as its opening fails). */
  opened: Promise<Desk>;
  close(): Promise<void>;
}

const held = (desk: Desk, ms: number) => new Promise<Desk>((answer) => setTimeout(() => answer(desk), ms));

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decodedPath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null; // "%" not followed by two hex digits
  }
}

/**
 * A POST must come from the harness's own pages: a browser names the page's
 * origin, so a web page elsewhere cannot post to the desk (not even as
 * text/plain, which needs no preflight). Clients that send no Origin (tests,
 * scripts on this machine) are not browsers.
 */
function isForeignOrigin(req: IncomingMessage, ownPort: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers['sec-fetch-site'] === 'cross-site';
  return ![`http://127.0.0.1:${ownPort}`, `http://localhost:${ownPort}`, `http://[::1]:${ownPort}`].includes(origin);
}

function serveStatic(rendererDir: string, urlPath: string, res: ServerResponse): void {
  const decoded = decodedPath(urlPath);
  if (decoded === null) return send(res, 400, 'bad request');
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = resolve(rendererDir, relative);
  if (file !== rendererDir && !file.startsWith(rendererDir + sep)) return send(res, 403, 'forbidden');
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(rendererDir, 'index.html');
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer in ${rendererDir}: run "npm run build" first`);
  }
  const opening = openDesk({
    dataDir: options.dataDir,
    clock: options.clock,
    restoreFrom: options.restoreFrom,
    printBackend: options.printTo ? createDirectoryBackend({ dir: resolve(options.printTo) }) : undefined,
  });
  const hold = options.holdOpenMs ?? 0;
  const opened = hold > 0 ? opening.then((desk) => held(desk, hold)) : opening;
  // As the shell starts: a desk that fails at once is reported alone; one still opening after a moment serves
  // its pages meanwhile, and their requests wait for it.
  const dispatch = dispatchWhenOpen(await openedWithin(opened, WINDOW_WAIT_MS), opened);

  const server: Server = createServer(async (req, res) => {
    // Bound to loopback already; also refuse anything that is not, and
    // foreign Host headers (DNS rebinding from a web page).
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || !['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
      return send(res, 403, 'forbidden');
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'bad request');
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      if (isForeignOrigin(req, (server.address() as AddressInfo).port)) return send(res, 403, 'forbidden');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'validation', message: 'bad request body' } }), 'application/json');
      }
      let result: unknown;
      try {
        result = await dispatch(url.pathname.slice('/api/'.length), input);
      } catch {
        return send(res, 503, 'the desk could not open');
      }
      return send(res, 200, JSON.stringify(result), 'application/json');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
    serveStatic(rendererDir, url.pathname, res);
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    opened,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      // A desk that never opened has nothing to close.
      const desk = await opened.catch(() => null);
      await desk?.close();
    },
  };
}
