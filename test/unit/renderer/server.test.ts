import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveApi } from '../../../src/api.js';
import { startArchiveServer, type RunningArchiveServer } from '../../../src/server/archive-server.js';
import { tokenMatches } from '../../../src/server/token.js';

const calls: { method: string; arg: unknown }[] = [];
const fakeApi = new Proxy({} as ArchiveApi, {
  get: (_t, method: string) => async (arg: unknown) => {
    calls.push({ method, arg });
    if (method === 'getStatus') return { root: '/x', articles: 3, progress: { phase: 'done', done: 3, total: 3 }, failed: [] };
    if (method === 'getArticle') throw new Error('no article with id nope.txt');
    if (method === 'cancelIndexing') return undefined;
    return { method, arg };
  },
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  server: RunningArchiveServer,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function apiCall(server: RunningArchiveServer, method: string, arg: unknown, headers: Record<string, string> = {}) {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ arg }),
  });
}

describe('archive server (browser mode)', () => {
  let server: RunningArchiveServer;
  let staticDir: string;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'archive-server-'));
    staticDir = join(root, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>reader</title>');
    writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    symlinkSync(join(root, 'secret.txt'), join(staticDir, 'assets', 'escape.txt'));
    symlinkSync(root, join(staticDir, 'up'));
    symlinkSync(join(staticDir, 'assets', 'app-abc123.js'), join(staticDir, 'alias.js'));
    server = await startArchiveServer({ api: fakeApi, staticDir });
  });
  afterAll(() => server.close());

  it('prints a loopback URL carrying a 64-hex-digit token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a good call with its result and forbids caching', async () => {
    const reply = await apiCall(server, 'getStatus', undefined);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).result.articles).toBe(3);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });

  it('passes the validated argument to the API method', async () => {
    const reply = await apiCall(server, 'search', { query: 'اذربيجان', limit: 5, matchHamza: false });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).result).toEqual({ method: 'search', arg: { query: 'اذربيجان', limit: 5, matchHamza: false } });
  });

  it('returns null for methods that resolve to nothing', async () => {
    const reply = await apiCall(server, 'cancelIndexing', undefined);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ result: null });
  });

  it('rejects a missing token with 401 and never calls the API', async () => {
    const before = calls.length;
    const reply = await send(server, { method: 'POST', path: '/api/getStatus', body: '{}' });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body).error).toMatch(/token/);
    expect(calls.length).toBe(before);
  });

  it('rejects a wrong token with 401', async () => {
    const wrong = server.token.slice(0, -1) + (server.token.endsWith('0') ? '1' : '0');
    const reply = await apiCall(server, 'getStatus', undefined, { authorization: `Bearer ${wrong}` });
    expect(reply.status).toBe(401);
    const short = await apiCall(server, 'getStatus', undefined, { authorization: 'Bearer abc' });
    expect(short.status).toBe(401);
  });

  it('rejects a foreign Host header with 403 (DNS rebinding), for the API and for static files', async () => {
    const api = await apiCall(server, 'getStatus', undefined, { host: `evil.example:${server.port}` });
    expect(api.status).toBe(403);
    const page = await send(server, { path: '/', headers: { host: 'evil.example' } });
    expect(page.status).toBe(403);
    const otherPort = await send(server, { path: '/', headers: { host: `127.0.0.1:${server.port + 1}` } });
    expect(otherPort.status).toBe(403);
  });

  it('accepts localhost:PORT as Host', async () => {
    const reply = await apiCall(server, 'getStatus', undefined, { host: `localhost:${server.port}` });
    expect(reply.status).toBe(200);
  });

  it('rejects a cross-site Origin with 403', async () => {
    const reply = await apiCall(server, 'getStatus', undefined, { origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
  });

  it('rejects invalid arguments with 400 and the validator message', async () => {
    const reply = await apiCall(server, 'search', { query: 'x', limit: -1 });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toMatch(/^search: limit: /);
    const unknownKey = await apiCall(server, 'getArticle', { id: 'a.txt', evil: true });
    expect(unknownKey.status).toBe(400);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const reply = await send(server, {
      method: 'POST',
      path: '/api/getStatus',
      headers: { authorization: `Bearer ${server.token}` },
      body: '{nope',
    });
    expect(reply.status).toBe(400);
  });

  it('answers an unknown method with 404 and GET on the API with 405', async () => {
    expect((await apiCall(server, 'deleteEverything', {})).status).toBe(404);
    const get = await send(server, { path: '/api/getStatus', headers: { authorization: `Bearer ${server.token}` } });
    expect(get.status).toBe(405);
  });

  it('reports a fault thrown by the API as a JSON error with code internal and status 500', async () => {
    const reply = await apiCall(server, 'getArticle', { id: 'nope.txt' });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({ error: 'no article with id nope.txt', code: 'internal', status: 500 });
  });

  it('serves the renderer with a strict CSP and no token needed', async () => {
    const page = await send(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>reader</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    const asset = await send(server, { path: '/assets/app-abc123.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses path traversal with 404', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/assets/%E0%A4%A']) {
      const reply = await send(server, { path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('refuses symlinks leading out of the renderer folder with 404, but follows those that stay inside', async () => {
    for (const path of ['/assets/escape.txt', '/up/secret.txt']) {
      const reply = await send(server, { path });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
    const alias = await send(server, { path: '/alias.js' });
    expect(alias.status).toBe(200);
    expect(alias.body).toBe('console.log(1)');
  });

  it('answers a missing file with 404', async () => {
    expect((await send(server, { path: '/nothing.js' })).status).toBe(404);
  });
});

describe('tokenMatches', () => {
  it('accepts only the identical token', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches('abcabc', 'abc')).toBe(false);
  });
});
