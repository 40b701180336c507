import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { readManifest } from '../../../src/cache/manifest.js';
import { LoadedArchive } from '../../../src/index/loaded-archive.js';
import { RERANK_FEATURES, RERANK_WEIGHTS, type RerankWeights } from '../../../src/search/rerank-weights.js';
import { searchArchive } from '../../../src/search/run-search.js';
import { openIndexed, remove, tempDir, writeArchive, type TestArticle } from './helpers.js';

const filler = (n: number) => Array.from({ length: n }, () => 'وقال المتحدث إن الاجتماع كان مثمرا').join(' ');

// `far` scores a little above `near` in Lunr (same words, `near` is a little longer), but only `near` has the
// query's words side by side; `dated` and `undated` differ by the date (undated is shorter, so Lunr prefers it); `asks`
// has the question word متى, which Lunr counts as content.
const ARTICLES: Record<string, TestArticle> = {
  'far.json': { title: 'أخبار اليوم', body: `بوتين ${filler(20)} سوتشي` },
  'near.json': { title: 'أخبار اليوم', body: `${filler(11)} بوتين سوتشي ${filler(10)}` },
  'asks.json': { title: 'متى ينتهي الصيف', body: `متى ينتهي الصيف؟ سؤال يطرحه الجميع ${filler(30)} في سوتشي` },
  'dated.json': { title: 'زيارة', body: `زار الرئيس أردوغان أنقرة يوم 12 مارس 2021 ${filler(5)}` },
  'undated.json': { title: 'زيارة', body: `زار الرئيس أردوغان أنقرة لبحث التعاون ${filler(4)}` },
};

let dir: string;
let cache: string;
let engine: ArchiveEngine;
let archive: LoadedArchive;

beforeAll(async () => {
  dir = tempDir('ranking');
  cache = tempDir('ranking-cache');
  writeArchive(dir, ARTICLES);
  engine = await openIndexed(dir, cache);
  archive = LoadedArchive.load(cache, readManifest(cache, dir).manifest!);
}, 120_000);

afterAll(async () => {
  archive.close();
  await engine.close();
  remove(dir);
  remove(cache);
}, 60_000);

const search = (query: string, ranking?: 'lunr' | 'rerank') => engine.search({ query, limit: 10, ...(ranking ? { ranking } : {}) });
/** The re-ranked order with one of the shipped weights set to 0. */
const without = (query: string, ...off: (keyof RerankWeights)[]) =>
  searchArchive(archive, { query, limit: 10, ranking: 'rerank' }, undefined, { weights: { ...RERANK_WEIGHTS, ...Object.fromEntries(off.map((k) => [k, 0])) } }).hits.map((h) => h.id);
const ids = async (query: string, ranking?: 'lunr' | 'rerank') => (await search(query, ranking)).hits.map((h) => h.id);

describe('ranking', () => {
  it('--ranking lunr keeps Lunr’s order: full matches first, then by score', async () => {
    const r = await search('بوتين سوتشي', 'lunr');
    const tiers = r.hits.map((h) => (h.partial ? 1 : 0));
    expect(tiers).toEqual([...tiers].sort());
    for (let i = 1; i < r.hits.length; i++) if (tiers[i] === tiers[i - 1]) expect(r.hits[i].score).toBeLessThanOrEqual(r.hits[i - 1].score);
    const lunr = (await search('بوتين سوتشي', 'lunr')).hits;
    expect(lunr.slice(0, 2).map((h) => h.id)).toEqual(['far.json', 'near.json']);
  });

  it('the re-ranker puts the article where the words stand together first', async () => {
    expect((await ids('أين بوتين سوتشي؟', 'rerank'))[0]).toBe('near.json');
    expect((await ids('أين بوتين سوتشي؟'))[0]).toBe('near.json');
    expect(without('أين بوتين سوتشي؟', ...RERANK_FEATURES)[0]).toBe('far.json');
  });

  it('re-ranks questions only: other queries keep Lunr’s order', async () => {
    expect(await ids('بوتين سوتشي', 'rerank')).toEqual(await ids('بوتين سوتشي', 'lunr'));
  });

  it('question words do not count as content', async () => {
    expect((await ids('متى سوتشي', 'lunr'))[0]).toBe('asks.json');
    const reranked = await ids('متى سوتشي', 'rerank');
    expect(reranked[0]).not.toBe('asks.json');
  });

  it('متى favours the article with a date near the query’s words', async () => {
    expect((await ids('زار أردوغان أنقرة', 'lunr'))[0]).toBe('undated.json');
    expect((await ids('متى زار أردوغان أنقرة', 'rerank'))[0]).toBe('dated.json');
    expect(without('متى زار أردوغان أنقرة', 'answer')[0]).toBe('undated.json');
  });
});
