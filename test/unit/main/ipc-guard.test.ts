import { describe, expect, it, vi } from 'vitest';
import type { ArchiveApi } from '../../../src/api.js';
import { assertTrustedSender, createArchiveCallHandler, guardShellHandler, UntrustedSenderError } from '../../../main/ipc-guard.js';

const topFrame = { url: 'app://archive/index.html#/search', parent: null };

function fakeApi(): ArchiveApi {
  const status = { root: '/tmp/a', articles: 3, progress: { phase: 'done', done: 3, total: 3 }, failed: [] };
  return {
    getStatus: vi.fn(async () => status),
    search: vi.fn(async (req: { query: string }) => ({ total: 1, fullMatches: 1, hits: [], facets: { source: {}, year: {}, names: [] }, message: req.query })),
    openArchive: vi.fn(async () => status),
    getArticle: vi.fn(async () => {
      throw new Error('no article with id x.txt\n    at Engine.getArticle (engine.ts:1)');
    }),
  } as unknown as ArchiveApi;
}

describe('assertTrustedSender', () => {
  it('accepts the top frame of the app origin', () => {
    expect(() => assertTrustedSender({ senderFrame: topFrame })).not.toThrow();
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file: page', { url: 'file:///tmp/x.html', parent: null }],
    ['another app host', { url: 'app://other/index.html', parent: null }],
    ['a look-alike scheme', { url: 'apps://archive/index.html', parent: null }],
    ['a sub-frame of the app', { url: 'app://archive/frame.html', parent: topFrame }],
    ['an unparseable URL', { url: 'not a url', parent: null }],
  ])('rejects %s', (_name, frame) => {
    expect(() => assertTrustedSender({ senderFrame: frame })).toThrow(UntrustedSenderError);
  });

  it('rejects a message whose frame is gone', () => {
    expect(() => assertTrustedSender({ senderFrame: null })).toThrow(UntrustedSenderError);
  });
});

describe('archive:call handler', () => {
  it('forwards a valid call from the app to the API and returns its result', async () => {
    const api = fakeApi();
    const onCalled = vi.fn();
    const handle = createArchiveCallHandler({ api: () => api, onCalled });
    const reply = await handle({ senderFrame: topFrame }, 'search', { query: 'القدس', limit: 5 });
    expect(reply).toEqual({ ok: true, result: expect.objectContaining({ total: 1, message: 'القدس' }) });
    expect(api.search).toHaveBeenCalledWith({ query: 'القدس', limit: 5 });
    expect(onCalled).toHaveBeenCalledWith('search', { query: 'القدس', limit: 5 }, expect.anything());
  });

  it('accepts methods without an argument', async () => {
    const api = fakeApi();
    const reply = await createArchiveCallHandler({ api: () => api })({ senderFrame: topFrame }, 'getStatus', undefined);
    expect(reply.ok).toBe(true);
    expect(api.getStatus).toHaveBeenCalledTimes(1);
  });

  it('refuses a call from a foreign frame without reaching the API', async () => {
    const api = fakeApi();
    const onRejected = vi.fn();
    const handle = createArchiveCallHandler({ api: () => api, onRejected });
    const reply = await handle({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'openArchive', { path: '/' });
    expect(reply).toEqual({ ok: false, error: 'refused: not sent by the app' });
    expect(api.openArchive).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(expect.stringContaining('evil.example'));
  });

  it('refuses a call from a sub-frame of the app', async () => {
    const api = fakeApi();
    const reply = await createArchiveCallHandler({ api: () => api })(
      { senderFrame: { url: 'app://archive/x.html', parent: topFrame } },
      'getStatus',
      undefined,
    );
    expect(reply.ok).toBe(false);
    expect(api.getStatus).not.toHaveBeenCalled();
  });

  it.each([['constructor'], ['__proto__'], ['toString'], ['close'], ['hasOwnProperty']])('refuses the unknown method %s', async (method) => {
    const api = fakeApi();
    const reply = await createArchiveCallHandler({ api: () => api })({ senderFrame: topFrame }, method, {});
    expect(reply).toEqual({ ok: false, error: `unknown API method: ${method}` });
  });

  it('refuses a method name that is not a string', async () => {
    const reply = await createArchiveCallHandler({ api: fakeApi })({ senderFrame: topFrame }, { toString: () => 'search' }, { query: 'x' });
    expect(reply.ok).toBe(false);
  });

  it.each([
    ['search', { query: 42 }],
    ['search', { query: 'x', limit: 1e9 }],
    ['search', { query: 'x', extra: true }],
    ['openArchive', {}],
    ['openArchive', { path: '' }],
    ['getStatus', { sneaky: 1 }],
    ['getArticle', { id: 'a\0b' }],
  ])('refuses bad arguments to %s: %j', async (method, arg) => {
    const api = fakeApi();
    const reply = await createArchiveCallHandler({ api: () => api })({ senderFrame: topFrame }, method, arg);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(new RegExp(`^${method}: `));
    expect((api as unknown as Record<string, ReturnType<typeof vi.fn>>)[method]).not.toHaveBeenCalled();
  });

  it('turns an engine error into one plain line', async () => {
    const reply = await createArchiveCallHandler({ api: fakeApi })({ senderFrame: topFrame }, 'getArticle', { id: 'x.txt' });
    expect(reply).toEqual({ ok: false, error: 'no article with id x.txt' });
  });

  it('reports an engine that is not ready yet as an error, not a crash', async () => {
    const handle = createArchiveCallHandler({
      api: () => {
        throw new Error('the archive engine is still starting');
      },
    });
    expect(await handle({ senderFrame: topFrame }, 'getStatus', undefined)).toEqual({ ok: false, error: 'the archive engine is still starting' });
  });
});

describe('shell handlers', () => {
  it('run for the app and refuse others', async () => {
    const pick = vi.fn(async () => '/home/u/archive');
    const guarded = guardShellHandler(pick);
    expect(await guarded({ senderFrame: topFrame })).toEqual({ ok: true, result: '/home/u/archive' });
    expect(await guarded({ senderFrame: { url: 'https://evil.example/', parent: null } })).toEqual({ ok: false, error: 'refused: not sent by the app' });
    expect(pick).toHaveBeenCalledTimes(1);
  });
});
