// The ArchiveApi over HTTP (browser mode): POST /api/<method> {"arg"} with the per-run bearer token.
import { API_METHODS, type ArchiveApi } from '../../../src/api.js';

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

export interface HttpApiOptions {
  /** Origin (and path prefix) of the server, e.g. 'http://127.0.0.1:4321'. */
  baseUrl: string;
  token: string;
  fetch: FetchLike;
}

/**
 * An error reported by the server or the transport, carrying the HTTP status (0 when unreachable) and the server's
 * error code ('not_found', 'invalid_argument', 'internal'…; 'transport' when the server did not say). Connection
 * problems have codes of their own, worded by the interface: 'no_token', 'token_refused', 'unreachable'.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string = 'transport',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function createHttpApi(options: HttpApiOptions): ArchiveApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const call = async (method: string, arg: unknown): Promise<unknown> => {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await options.fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      });
    } catch (err) {
      throw new ApiError(`cannot reach the archive server (${err instanceof Error ? err.message : String(err)})`, 0, 'unreachable');
    }
    const raw = await response.text();
    let body: { result?: unknown; error?: unknown; code?: unknown } | undefined;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    if (response.status === 401) {
      throw new ApiError(
        'the archive server did not accept this page’s access token (it changes every time `archive-reader serve` starts): open the address it printed',
        401,
        'token_refused',
      );
    }
    if (!response.ok) {
      const message = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
      throw new ApiError(message, response.status, typeof body?.code === 'string' ? body.code : undefined);
    }
    if (body === undefined) throw new ApiError('the archive server sent an unreadable answer', response.status);
    return body.result === null ? undefined : body.result;
  };
  const api: Record<string, (arg?: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) api[method] = (arg?: unknown) => call(method, arg);
  return api as unknown as ArchiveApi;
}

/** The token of a `#token=…` URL fragment (other fragment parameters are allowed), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && /^[0-9a-zA-Z]+$/.test(token) ? token : null;
}
