import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLatestRunner } from '../../../renderer/src/lib/latest.js';
import { ApiError, createHttpApi, tokenFromHash } from '../../../renderer/src/lib/http-api.js';
import { API_METHODS } from '../../../src/api.js';
import { PageCache } from '../../../renderer/src/lib/page-cache.js';
import { pagesFor, scrollToReveal, visibleRange } from '../../../renderer/src/lib/virtual.js';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings } from '../../../renderer/src/lib/settings.js';

describe('createLatestRunner (search as you type)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause in typing and runs only the last input', async () => {
    const run = vi.fn(async (q: string) => `result of ${q}`);
    const results: string[] = [];
    const runner = createLatestRunner({ delayMs: 200, run, onResult: (r: string) => results.push(r) });
    runner.schedule('ا');
    await vi.advanceTimersByTimeAsync(100);
    runner.schedule('اذ');
    await vi.advanceTimersByTimeAsync(100);
    runner.schedule('اذربيجان');
    await vi.advanceTimersByTimeAsync(199);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith('اذربيجان');
    expect(results).toEqual(['result of اذربيجان']);
  });

  it('ignores a stale answer that arrives after a newer one', async () => {
    const resolvers = new Map<string, (v: string) => void>();
    const run = (q: string) => new Promise<string>((resolve) => resolvers.set(q, resolve));
    const results: string[] = [];
    const runner = createLatestRunner({ delayMs: 200, run, onResult: (r: string) => results.push(r) });
    runner.runNow('slow');
    runner.runNow('fast');
    resolvers.get('fast')!('fast answer');
    await vi.advanceTimersByTimeAsync(0);
    resolvers.get('slow')!('slow answer');
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(['fast answer']);
  });

  it('drops errors of stale runs and reports errors of the current one', async () => {
    const errors: unknown[] = [];
    let fail: (e: Error) => void = () => {};
    const runner = createLatestRunner({
      delayMs: 10,
      run: (q: string) => (q === 'old' ? new Promise<string>((_, reject) => (fail = reject)) : Promise.reject(new Error('bad query'))),
      onResult: () => {},
      onError: (e) => errors.push(e),
    });
    runner.runNow('old');
    runner.runNow('new');
    fail(new Error('old failure'));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors.map((e) => (e as Error).message)).toEqual(['bad query']);
  });

  it('cancel drops the scheduled run and an answer in flight', async () => {
    const run = vi.fn(async (q: string) => q);
    const results: string[] = [];
    const runner = createLatestRunner({ delayMs: 50, run, onResult: (r: string) => results.push(r) });
    runner.runNow('a');
    runner.schedule('b');
    runner.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(run).toHaveBeenCalledTimes(1);
    expect(results).toEqual([]);
  });
});

describe('HTTP client', () => {
  function fakeFetch(status: number, body: string) {
    return vi.fn(async (_url: string, _init: { method: string; headers: Record<string, string>; body: string }) => ({
      ok: status >= 200 && status < 300,
      status,
      text: async () => body,
    }));
  }

  it('exposes every API method and posts {"arg"} with the bearer token', async () => {
    const fetch = fakeFetch(200, JSON.stringify({ result: { total: 1 } }));
    const api = createHttpApi({ baseUrl: 'http://127.0.0.1:5000/', token: 'abc123', fetch });
    for (const m of API_METHODS) expect(typeof api[m]).toBe('function');
    const result = await api.search({ query: 'اذربيجان', limit: 5 });
    expect(result).toEqual({ total: 1 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://127.0.0.1:5000/api/search');
    expect(init.method).toBe('POST');
    expect(init.headers.Authorization).toBe('Bearer abc123');
    expect(JSON.parse(init.body)).toEqual({ arg: { query: 'اذربيجان', limit: 5 } });
  });

  it('sends an empty body for methods without an argument and turns null into undefined', async () => {
    const fetch = fakeFetch(200, '{"result":null}');
    const api = createHttpApi({ baseUrl: '', token: 't', fetch });
    await expect(api.cancelIndexing()).resolves.toBeUndefined();
    expect(fetch.mock.calls[0][0]).toBe('/api/cancelIndexing');
    expect(JSON.parse(fetch.mock.calls[0][1].body)).toEqual({});
  });

  it('rejects with the server message and status', async () => {
    const api = createHttpApi({ baseUrl: '', token: 't', fetch: fakeFetch(400, '{"error":"search: limit: Too small"}') });
    const err = await api.search({ query: 'x', limit: 0 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('search: limit: Too small');
    expect((err as ApiError).status).toBe(400);
  });

  it('explains a refused token (a page left open across server restarts)', async () => {
    const api = createHttpApi({ baseUrl: '', token: 'old', fetch: fakeFetch(401, '{"error":"missing or wrong token"}') });
    await expect(api.getStatus()).rejects.toThrow(/access token .* open the address it printed/);
  });

  it('rejects clearly when the server answers with something that is not JSON or is unreachable', async () => {
    const html = createHttpApi({ baseUrl: '', token: 't', fetch: fakeFetch(502, '<html>bad gateway</html>') });
    await expect(html.getStatus()).rejects.toThrow('HTTP 502');
    const down = createHttpApi({
      baseUrl: '',
      token: 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(down.getStatus()).rejects.toThrow(/cannot reach the archive server/);
  });

  it('reads the token from the URL fragment', () => {
    expect(tokenFromHash('#token=0123abcd')).toBe('0123abcd');
    expect(tokenFromHash('#view=x&token=ff00')).toBe('ff00');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=<script>')).toBeNull();
  });
});

describe('virtual list arithmetic', () => {
  it('renders only the rows in view plus overscan, even at 100,000 rows', () => {
    const range = visibleRange(56 * 50_000, 560, 56, 100_000, 5);
    expect(range).toEqual({ start: 49_995, end: 50_016 });
    expect(range.end - range.start).toBeLessThan(30);
  });

  it('stays within bounds at the ends and for empty lists', () => {
    expect(visibleRange(0, 500, 50, 3)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(1e9, 500, 50, 100)).toEqual({ start: 91, end: 100 });
    expect(visibleRange(0, 500, 50, 0)).toEqual({ start: 0, end: 0 });
  });

  it('finds the pages a range needs and the scroll that reveals a row', () => {
    expect(pagesFor({ start: 95, end: 130 }, 50)).toEqual([1, 2]);
    expect(pagesFor({ start: 0, end: 0 }, 50)).toEqual([]);
    expect(scrollToReveal(5, 0, 500, 50)).toBeNull();
    expect(scrollToReveal(10, 600, 500, 50)).toBe(500);
    expect(scrollToReveal(20, 0, 500, 50)).toBe(550);
  });
});

describe('PageCache', () => {
  it('fetches each page once, even when asked twice at the same time', async () => {
    const fetchPage = vi.fn(async (offset: number, limit: number) => ({
      total: 1000,
      items: Array.from({ length: limit }, (_, i) => offset + i),
    }));
    const totals: number[] = [];
    const cache = new PageCache<number>(100, fetchPage, (t) => totals.push(t));
    await Promise.all([cache.ensure([0, 1]), cache.ensure([1])]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    expect(cache.get(150)).toBe(150);
    expect(cache.get(250)).toBeUndefined();
    expect(totals).toEqual([1000, 1000]);
  });

  it('forgets far pages beyond its budget and delivers nothing after close', async () => {
    const fetchPage = async (offset: number, limit: number) => ({ total: 10_000, items: Array.from({ length: limit }, (_, i) => offset + i) });
    const cache = new PageCache<number>(10, fetchPage, () => {}, 3);
    await cache.ensure([0, 1, 2, 3]);
    expect(cache.has(0)).toBe(false);
    expect(cache.has(3)).toBe(true);
    cache.close();
    await cache.ensure([7]);
    expect(cache.has(7)).toBe(false);
  });
});

describe('settings', () => {
  it('round-trips and falls back to defaults for broken storage', () => {
    const custom = { ...DEFAULT_SETTINGS, lang: 'en' as const, theme: 'sepia' as const, fontSize: 24, lastQuery: 'بوتين', openArticleId: 'a/b.txt' };
    expect(parseSettings(serializeSettings(custom))).toEqual(custom);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1,2]')).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs field by field: unknown values replaced, numbers clamped', () => {
    const s = parseSettings(JSON.stringify({ lang: 'fr', theme: 'dark', fontSize: 500, lineHeight: 'x', entityTypes: { PERSON: false, DATE: 'no' } }));
    expect(s.lang).toBe('ar');
    expect(s.theme).toBe('dark');
    expect(s.fontSize).toBe(32);
    expect(s.lineHeight).toBe(DEFAULT_SETTINGS.lineHeight);
    expect(s.entityTypes).toEqual({ PERSON: false, LOCATION: true, ORGANIZATION: true, DATE: true });
  });
});
