import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../../src/cache/cache-dir.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { ARTICLES, openIndexed, remove, snapshot, tempDir, writeArchive, writeArticle } from './helpers.js';

const dirs: string[] = [];
const engines: ArchiveEngine[] = [];
function fresh(): { dir: string; cache: string } {
  const dir = tempDir('cache');
  const cache = tempDir('cache-dir');
  dirs.push(dir, cache);
  writeArchive(dir);
  return { dir, cache };
}
async function open(dir: string, cache: string): Promise<ArchiveEngine> {
  const e = await openIndexed(dir, cache);
  engines.push(e);
  return e;
}

afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) remove(d);
}, 60_000);

const N = Object.keys(ARTICLES).length;

describe('index cache', { timeout: 120_000 }, () => {
  it('keeps the cache outside the archive, keyed by its path, and never writes in the archive', async () => {
    const { dir, cache } = fresh();
    const before = snapshot(dir);
    const e = await open(dir, cache);
    expect((await e.getStatus()).articles).toBe(N);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(cache)).toContain('manifest.json.gz');
    const a = cacheDirFor('/some/archive');
    expect(a).toBe(cacheDirFor('/some/archive/'));
    expect(a).not.toBe(cacheDirFor('/some/other'));
    expect(a).toMatch(/archive-reader/);
  });

  it('does not re-read unchanged files on reopen, and answers from the saved index', async () => {
    const { dir, cache } = fresh();
    const first = await open(dir, cache);
    expect((await first.getStatus()).lastReport).toMatchObject({ articles: N, indexed: N, unchanged: 0 });
    await first.close();
    const second = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(second);
    // Searchable straight from the cache, before any re-indexing.
    expect((await second.search({ query: 'بوتين' })).hits.map((h) => h.id)).toEqual(['sochi.json']);
    expect(await second.reindex()).toMatchObject({ articles: N, indexed: 0, unchanged: N, removed: 0 });
  });

  it('checks an unchanged archive without the indexer: another process holding the index lock does not block it', async () => {
    const { dir, cache } = fresh();
    await (await open(dir, cache)).close();
    mkdirSync(join(cache, 'index.lock')); // what proper-lockfile holds while another process indexes
    const e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(e);
    const started = Date.now();
    expect(await e.reindex()).toMatchObject({ articles: N, indexed: 0, unchanged: N, removed: 0, failed: expect.any(Array) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await e.getStatus()).progress.phase).toBe('done');
    rmSync(join(cache, 'index.lock'), { recursive: true });
    // A file touched since is indexed again (by the indexer, under the lock).
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'sochi.json'), later, later);
    expect(await e.reindex()).toMatchObject({ articles: N, indexed: 1, unchanged: N - 1 });
  });

  it('handles changed, new and deleted files', async () => {
    const { dir, cache } = fresh();
    const e = await open(dir, cache);
    writeArticle(dir, 'rain.json', { ...ARTICLES['rain.json'], body: 'تساقطت الثلوج بكثافة على مرتفعات عين دراهم.' });
    utimesSync(join(dir, 'rain.json'), new Date(), new Date(Date.now() + 5000));
    writeArticle(dir, 'new/story.json', { title: 'قصة جديدة', body: 'خبر عن الزيتون التونسي وصادراته.' });
    rmSync(join(dir, 'gas.json'));
    const report = await e.reindex();
    expect(report).toMatchObject({ articles: N, indexed: 2, unchanged: N - 2, removed: 1 });
    expect(await e.search({ query: 'الثلوج' }).then((r) => r.hits.map((h) => h.id))).toEqual(['rain.json']);
    expect(await e.search({ query: 'السيول' }).then((r) => r.total)).toBe(0);
    expect(await e.search({ query: 'الزيتون' }).then((r) => r.hits.map((h) => h.id))).toEqual(['new/story.json']);
    expect(await e.search({ query: 'أوروبا' }).then((r) => r.total)).toBe(0);
    expect((await e.listArticles({})).total).toBe(N);
    // Untouched articles still have their text, entities and scores.
    expect((await e.getArticle({ id: 'sochi.json' })).text).toContain('سوتشي');
  });

  it('forgets a broken file once it is deleted, in the report and in the saved index', async () => {
    const { dir, cache } = fresh();
    writeFileSync(join(dir, 'broken.json'), '{"title": ');
    const e = await open(dir, cache);
    expect((await e.getStatus()).failed.map((f) => f.path)).toContain('broken.json');
    rmSync(join(dir, 'broken.json'));
    expect((await e.reindex()).failed.map((f) => f.path)).not.toContain('broken.json');
    await e.close();
    const reopened = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(reopened);
    expect((await reopened.getStatus()).failed.map((f) => f.path)).not.toContain('broken.json');
    expect((await reopened.reindex()).failed.map((f) => f.path)).not.toContain('broken.json');
  });

  it('does not use a damaged segment file, and rebuilds only its segment', async () => {
    const { dir, cache } = fresh();
    await (await open(dir, cache)).close();
    const seg = readdirSync(cache).find((f) => f.endsWith('.idx'))!;
    const bytes = readFileSync(join(cache, seg));
    bytes[bytes.length - 3] ^= 0x55; // same length: only the checksum can tell
    writeFileSync(join(cache, seg), bytes);
    const e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none', onCacheDamage: () => undefined });
    engines.push(e);
    const left = (await e.getStatus()).articles;
    expect(left).toBeLessThan(N);
    expect(await e.reindex()).toMatchObject({ articles: N, indexed: N - left, unchanged: left });
    expect((await e.search({ query: 'بوتين' })).total).toBe(1);
  });

  it('does not trust a segment whose postings block is damaged: the cache is rebuilt, searches answer as before', async () => {
    const { dir, cache } = fresh();
    const first = await open(dir, cache);
    const before = await first.search({ query: 'سوتشي روسيا' });
    await first.close();
    for (const seg of readdirSync(cache).filter((f) => f.endsWith('.idx'))) {
      const bytes = readFileSync(join(cache, seg));
      const tocLength = bytes.readUInt32LE(12);
      const [offset, length] = JSON.parse(bytes.toString('utf8', 16, 16 + tocLength)).sections.postings;
      bytes[16 + tocLength + offset + Math.floor(length / 2)] ^= 0x01;
      writeFileSync(join(cache, seg), bytes);
    }
    const e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(e);
    expect((await e.getStatus()).articles).toBe(0);
    expect(await e.reindex()).toMatchObject({ articles: N, indexed: N, unchanged: 0 });
    expect(await e.search({ query: 'سوتشي روسيا' })).toEqual(before);
  });

  it('rebuilds the segment of a truncated pack, and the whole cache when the manifest is garbage', async () => {
    const { dir, cache } = fresh();
    await (await open(dir, cache)).close();
    const seg = readdirSync(cache).find((f) => f.endsWith('.pack'))!;
    writeFileSync(join(cache, seg), readFileSync(join(cache, seg)).subarray(0, 10));
    let e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none', onCacheDamage: () => undefined });
    const left = (await e.getStatus()).articles;
    expect(left).toBeLessThan(N);
    expect(await e.reindex()).toMatchObject({ indexed: N - left, unchanged: left });
    await e.close();
    writeFileSync(join(cache, 'manifest.json.gz'), 'not gzip at all');
    e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(e);
    expect(await e.reindex()).toMatchObject({ indexed: N });
    expect((await e.search({ query: 'سوتشي' })).total).toBe(1);
  });

  it('never removes files of its own cache folder that it did not write', async () => {
    const { dir, cache } = fresh();
    writeFileSync(join(cache, 'notes.tmp'), 'mine');
    writeFileSync(join(cache, 'seg-old-photo.png'), 'mine too');
    await (await open(dir, cache)).close();
    writeFileSync(join(cache, 'manifest.json.gz'), 'damaged');
    const e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(e);
    expect(await e.reindex()).toMatchObject({ indexed: N });
    expect(readFileSync(join(cache, 'notes.tmp'), 'utf8')).toBe('mine');
    expect(readFileSync(join(cache, 'seg-old-photo.png'), 'utf8')).toBe('mine too');
    expect(readdirSync(cache).filter((f) => f.endsWith('.idx')).length).toBeGreaterThan(0);
  });

  it('rebuilds a cache written by another format version', async () => {
    const { dir, cache } = fresh();
    await (await open(dir, cache)).close();
    const path = join(cache, 'manifest.json.gz');
    const m = JSON.parse(gunzipSync(readFileSync(path)).toString());
    writeFileSync(path, gzipSync(JSON.stringify({ ...m, version: 999 })));
    const e = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    engines.push(e);
    expect((await e.getStatus()).articles).toBe(0);
    expect(await e.reindex()).toMatchObject({ articles: N, indexed: N, unchanged: 0 });
  });
});

describe('indexing runs', { timeout: 120_000 }, () => {
  function bigArchive(dir: string, n: number): void {
    for (let i = 0; i < n; i++) {
      writeArticle(dir, `bulk/${i}.json`, {
        title: `خبر رقم ${i} عن الاقتصاد`,
        body: `${'نص طويل عن الاقتصاد والتجارة والأسواق في المنطقة العربية. '.repeat(40)} الرقم ${i}`,
        date: '2020-01-01',
      });
    }
  }

  it('reports progress and can be cancelled, keeping the previous index', async () => {
    const { dir, cache } = fresh();
    const e = await open(dir, cache);
    bigArchive(dir, 400);
    const run = e.reindex();
    const phases = new Set<string>();
    const done = run.then(
      () => 'finished',
      (err: Error) => err.message,
    );
    for (let i = 0; i < 200; i++) {
      const p = (await e.getStatus()).progress;
      phases.add(p.phase);
      if (p.phase === 'indexing' && p.done > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect([...phases].some((p) => p === 'parsing' || p === 'indexing')).toBe(true);
    await e.cancelIndexing();
    expect(await done).toMatch(/cancelled/);
    const status = await e.getStatus();
    expect(status.progress.phase).toBe('cancelled');
    expect(status.articles).toBe(N);
    expect((await e.search({ query: 'بوتين' })).total).toBe(1);
    // The next run picks up where the folder is.
    expect(await e.reindex()).toMatchObject({ articles: N + 400, indexed: 400, unchanged: N });
    expect(readdirSync(cache).filter((f) => f.startsWith('spool-'))).toEqual([]);
  });

  it('answers searches from the previous index while a rebuild runs', async () => {
    const { dir, cache } = fresh();
    const e = await open(dir, cache);
    bigArchive(dir, 200);
    const run = e.reindex();
    const during = await e.search({ query: 'بوتين' });
    expect(during.hits.map((h) => h.id)).toEqual(['sochi.json']);
    expect((await e.search({ query: 'الاقتصاد' })).total).toBe(0);
    await run;
    expect((await e.search({ query: 'الاقتصاد' })).total).toBe(200);
    expect((await e.search({ query: 'بوتين' })).total).toBe(1);
  });
});
