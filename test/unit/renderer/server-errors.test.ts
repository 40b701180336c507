// The real app behind the browser-mode server: each kind of error answers with its own status and code.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchiveApp, type ArchiveApp } from '../../../src/app.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { startArchiveServer, type RunningArchiveServer } from '../../../src/server/archive-server.js';

let work: string;
let app: ArchiveApp;
let server: RunningArchiveServer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'server-errors-'));
  writeFileSync(join(work, 'a.txt'), 'التقى الرئيس نظيره في سوتشي.\n');
  const engine = await ArchiveEngine.open({ root: work, cacheDir: join(work, '.cache'), autoIndex: 'none', workers: 1 });
  await engine.reindex();
  app = createArchiveApp(engine);
  server = await startArchiveServer({ api: app, staticDir: null });
}, 60_000);

afterAll(async () => {
  await server.close();
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

async function call(method: string, arg: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ arg }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('API errors in browser mode', () => {
  it('answers an unknown article id with 404 not_found', async () => {
    expect(await call('getArticle', { id: 'nope.txt' })).toEqual({
      status: 404,
      body: { error: 'no article with id nope.txt', code: 'not_found', status: 404 },
    });
  });

  it('answers an invalid import payload with 400 invalid_argument', async () => {
    const notJson = await call('importAnnotations', { json: '{not json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ code: 'invalid_argument', status: 400, error: expect.stringMatching(/^not valid JSON/) });
    const notAnnotations = await call('importAnnotations', { json: '{"type":"Nothing"}' });
    expect(notAnnotations).toMatchObject({ status: 400, body: { code: 'invalid_argument' } });
  });

  it('answers an unknown annotation id with 404, a bad argument with 400, a missing folder with 404', async () => {
    expect(await call('deleteAnnotation', { id: 'no-such' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await call('updateAnnotation', { id: 'no-such', note: 'x' })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await call('search', { query: 5 })).toMatchObject({ status: 400, body: { code: 'invalid_argument' } });
    expect(await call('addAnnotation', { articleId: 'nope.txt', start: 0, end: 2 })).toMatchObject({ status: 400, body: { code: 'invalid_argument' } });
    expect(await call('openArchive', { path: join(work, 'missing') })).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await call('openArchive', { path: join(work, 'a.txt') })).toMatchObject({ status: 400, body: { code: 'invalid_argument' } });
  });
});
