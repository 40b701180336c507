// Damage in the index cache is found when the damaged part is read, said once, and repaired by indexing again only
// the files whose articles it held; the reader and searches never get wrong text or an error because of it.
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../../src/cache/manifest.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import type { StoredDoc } from '../../../src/index/segment-header.js';
import { openSegment } from '../../../src/index/segment-file.js';
import { segmentOf } from '../../../src/index/stable-hash.js';
import { ARTICLES, openIndexed, remove, tempDir, writeArchive } from './helpers.js';

const N = Object.keys(ARTICLES).length;
const dirs: string[] = [];
const engines: ArchiveEngine[] = [];

afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  for (const d of dirs.splice(0)) remove(d);
}, 60_000);

/** An indexed archive, closed: its cache is ready to be damaged. */
async function indexedArchive(): Promise<{ dir: string; cache: string }> {
  const dir = tempDir('damage');
  const cache = tempDir('damage-cache');
  dirs.push(dir, cache);
  writeArchive(dir);
  await (await openIndexed(dir, cache)).close();
  return { dir, cache };
}

/** The segment files holding an article, and where its record is in the pack. */
function placeOf(dir: string, cache: string, id: string): { index: string; pack: string; record: [number, number] } {
  const read = readManifest(cache, dir);
  if (!read.manifest) throw new Error(read.reason);
  const seg = read.manifest.segments[segmentOf(id, read.manifest.segmentCount)]!;
  const reader = openSegment(readFileSync(join(cache, seg.index)));
  for (let d = 0; d < reader.docCount; d++) {
    const doc = reader.doc(d) as StoredDoc;
    if (doc.meta.id === id) return { index: join(cache, seg.index), pack: join(cache, seg.pack), record: doc.pack };
  }
  throw new Error(`${id} not found`);
}

function flipBit(path: string, at: number): void {
  const bytes = readFileSync(path);
  bytes[at] ^= 0x08;
  writeFileSync(path, bytes);
}

/** An engine on the archive that keeps what it says about damage. */
async function openWithNotices(dir: string, cache: string): Promise<{ engine: ArchiveEngine; notices: string[] }> {
  const notices: string[] = [];
  const engine = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none', workers: 2, onCacheDamage: (m) => notices.push(m) });
  engines.push(engine);
  return { engine, notices };
}

describe('damage in the index cache', { timeout: 120_000 }, () => {
  it('a flipped bit in an article body: the reader gets the true text, the damage is told once, only its file is read again', async () => {
    const { dir, cache } = await indexedArchive();
    const { pack, record } = placeOf(dir, cache, 'sochi.json');
    flipBit(pack, record[0] + Math.floor(record[1] / 2));
    const { engine, notices } = await openWithNotices(dir, cache);

    const article = await engine.getArticle({ id: 'sochi.json' });
    expect(article.text).toBe(ARTICLES['sochi.json'].body);
    expect(article.text).not.toContain('\uFFFD');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/sochi\.json.*damaged.*indexed again/);
    expect((await engine.getStatus()).cacheDamage).toBe(notices[0]);
    expect((await engine.getStatus()).lastReport).toMatchObject({ articles: N, indexed: 1, unchanged: N - 1 });

    // Repaired for good: the next run finds nothing to do, and nothing more is said.
    expect(await engine.reindex()).toMatchObject({ articles: N, indexed: 0, unchanged: N });
    expect((await engine.getArticle({ id: 'sochi.json' })).text).toBe(ARTICLES['sochi.json'].body);
    expect(notices).toHaveLength(1);
  });

  it('a flipped bit in the body of an article a search shows: the search answers with its true snippet', async () => {
    const { dir, cache } = await indexedArchive();
    const { pack, record } = placeOf(dir, cache, 'rain.json');
    flipBit(pack, record[0] + record[1] - 2);
    const { engine, notices } = await openWithNotices(dir, cache);
    const result = await engine.search({ query: 'أمطار' });
    expect(result.hits.map((h) => h.id)).toEqual(['rain.json']);
    expect(result.hits[0].snippet.text).toContain('هطلت أمطار غزيرة');
    expect(notices).toHaveLength(1);
  });

  it('a damaged record met while its segment is rebuilt is left out and its file read again', async () => {
    const { dir, cache } = await indexedArchive();
    const { pack, record } = placeOf(dir, cache, 'gas.json');
    flipBit(pack, record[0] + 1); // in the checksum itself
    // A new article in the same segment makes the run rebuild it, copying gas.json's record.
    const seg = segmentOf('gas.json', 16);
    let name = 'new-0.txt';
    for (let i = 1; segmentOf(name, 16) !== seg; i++) name = `new-${i}.txt`;
    writeFileSync(join(dir, name), 'خبر جديد\n\nوصل وفد من تونس إلى القاهرة لبحث التعاون.\n');
    const { engine, notices } = await openWithNotices(dir, cache);
    expect(await engine.reindex()).toMatchObject({ articles: N + 1, failed: [] });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/gas\.json/);
    expect((await engine.getArticle({ id: 'gas.json' })).text).toBe(ARTICLES['gas.json'].body);
    expect((await engine.search({ query: 'الغاز' })).hits.map((h) => h.id)).toContain('gas.json');
    expect(await engine.reindex()).toMatchObject({ indexed: 0, unchanged: N + 1 });
  });

  it('a damaged or truncated segment file costs only the articles of its segment', async () => {
    for (const damage of ['index bit', 'pack truncated'] as const) {
      const { dir, cache } = await indexedArchive();
      const place = placeOf(dir, cache, 'sochi.json');
      if (damage === 'index bit') flipBit(place.index, readFileSync(place.index).length - 5);
      else truncateSync(place.pack, 10);
      const inSegment = Object.keys(ARTICLES).filter((id) => segmentOf(id, 16) === segmentOf('sochi.json', 16)).length;
      const { engine, notices } = await openWithNotices(dir, cache);
      expect((await engine.getStatus()).articles).toBe(N - inSegment);
      expect(notices).toHaveLength(1);
      expect((await engine.getStatus()).cacheDamage).toMatch(/damaged/);
      expect(await engine.reindex()).toMatchObject({ articles: N, indexed: inSegment, unchanged: N - inSegment });
      expect((await engine.search({ query: 'بوتين' })).hits.map((h) => h.id)).toEqual(['sochi.json']);
      expect(readdirSync(cache).filter((f) => f.endsWith('.idx')).length).toBe(readdirSync(cache).filter((f) => f.endsWith('.pack')).length);
    }
  });
});
