import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArchiveApi } from '../api.js';
import { describeApiError } from '../api-error.js';
import { InvalidArgumentError, validateCall } from '../api-schema.js';
import { setCommonHeaders, setNoStore } from './security-headers.js';
import { readStaticFile } from './static-files.js';
import { bearerToken, newToken, tokenMatches } from './token.js';

export interface ArchiveServerOptions {
  api: ArchiveApi;
  /** Folder of the built renderer (dist/renderer); null serves the API only. */
  staticDir: string | null;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** Largest accepted request body (importAnnotations may carry a big JSON). */
  maxBodyBytes?: number;
}

export interface RunningArchiveServer {
  port: number;
  token: string;
  /** What the user opens: `http://127.0.0.1:PORT/#token=TOKEN`. */
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

/** A request refused before any API method ran. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Serves the renderer and the ArchiveApi on 127.0.0.1 (browser mode; see the transport contract). */
export async function startArchiveServer(options: ArchiveServerOptions): Promise<RunningArchiveServer> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // Every error answer is {error: message, code, status}; 500 (code 'internal') only for real faults.
      const { status, code, message } = err instanceof HttpError ? err : describeApiError(err);
      if (!res.headersSent) sendJson(res, status, { error: message, code, status });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    const allowedHosts = [`${HOST}:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) {
      throw new HttpError(403, 'forbidden', 'forbidden host');
    }
    const path = (req.url ?? '/').split('?')[0].split('#')[0];
    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'method not allowed');
    if (!options.staticDir) throw new HttpError(404, 'not_found', 'not found');
    const file = await readStaticFile(options.staticDir, path);
    if (!file) throw new HttpError(404, 'not_found', 'not found');
    res.statusCode = 200;
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', file.body.length);
    res.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    setNoStore(res);
    const presented = bearerToken(req.headers.authorization);
    if (presented === null || !tokenMatches(presented, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'missing or wrong token');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${HOST}:${port}` && origin !== `http://localhost:${port}`) {
      throw new HttpError(403, 'forbidden', 'forbidden origin');
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new HttpError(405, 'method_not_allowed', 'use POST');
    }
    const body = await readJsonBody(req, maxBody);
    let call: ReturnType<typeof validateCall>;
    try {
      call = validateCall(method, body.arg);
    } catch (err) {
      if (err instanceof InvalidArgumentError && err.message.startsWith('unknown API method')) {
        throw new HttpError(404, 'unknown_method', err.message);
      }
      throw err;
    }
    const fn = options.api[call.method] as (arg: unknown) => Promise<unknown>;
    const result = await fn.call(options.api, call.arg);
    sendJson(res, 200, { result: result ?? null });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://${HOST}:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<{ arg?: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'too_large', `request body larger than ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'invalid_request', 'request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new HttpError(400, 'invalid_request', 'request body must be a JSON object {"arg": ...}');
  }
  return parsed as { arg?: unknown };
}
