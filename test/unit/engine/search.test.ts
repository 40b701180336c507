import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { normalize } from '../../../src/analysis/index.js';
import { openIndexed, remove, tempDir, writeArchive } from './helpers.js';

let dir: string;
let cache: string;
let engine: ArchiveEngine;

beforeAll(async () => {
  dir = tempDir('search');
  cache = tempDir('search-cache');
  writeArchive(dir);
  engine = await openIndexed(dir, cache);
}, 120_000);

afterAll(async () => {
  await engine.close();
  remove(dir);
  remove(cache);
}, 60_000);

const ids = async (query: string, extra: object = {}) => (await engine.search({ query, limit: 50, ...extra })).hits.map((h) => h.id);

describe('search', () => {
  it('finds articles by words through clitics and hamza', async () => {
    expect(await ids('بوتين علييف')).toEqual(['sochi.json']);
    expect(await ids('اذربيجان')).toEqual(expect.arrayContaining(['gas.json']));
  });

  it('lists full matches first, then partial ones marked and counted', async () => {
    const r = await engine.search({ query: 'الغاز أوروبا' });
    expect(r.hits.map((h) => h.id)).toEqual(['gas.json', 'ministers.json']);
    expect(r.fullMatches).toBe(1);
    expect(r.total).toBe(2);
    expect(r.hits[0].partial).toBeUndefined();
    expect(r.hits[1].partial).toBe(true);
  });

  it('puts the best article first for a pasted question', async () => {
    expect((await ids('ماذا قال بوتين لعلييف عندما التقيا في سوتشي؟'))[0]).toBe('sochi.json');
  });

  it('requires +words and excludes -words', async () => {
    expect(await ids('+الغاز وزير')).toEqual(['gas.json', 'ministers.json']);
    expect(await ids('الغاز -أوروبا')).toEqual(['ministers.json']);
    expect(await ids('-الغاز -بوتين')).toEqual(expect.not.arrayContaining(['gas.json', 'ministers.json', 'sochi.json']));
    expect((await ids('-الغاز -بوتين')).length).toBe(4);
  });

  it('highlights the query words in result titles too, so a title-only match shows why it was found', async () => {
    const r = await engine.search({ query: 'وزاري' });
    expect(r.hits.map((h) => h.id)).toEqual(['ministers.json']);
    const hit = r.hits[0];
    expect(hit.snippet.highlights).toEqual([]);
    expect(hit.titleHighlights!.map(([s, e]) => hit.title.slice(s, e))).toEqual(['وزاري']);
    const sochi = (await engine.search({ query: 'بوتين سوتشي' })).hits[0];
    expect(sochi.titleHighlights!.map(([s, e]) => sochi.title.slice(s, e))).toEqual(['بوتين', 'سوتشي']);
  });

  it('verifies phrases against the text: words in order and adjacent', async () => {
    expect(await ids('"أمطار غزيرة"')).toEqual(['rain.json']);
    expect(await ids('"غزيرة أمطار"')).toEqual([]);
    expect(await ids('"البحر الأسود"')).toEqual(['sochi.json']);
    expect(await ids('تونس -"أمطار غزيرة"')).toEqual([]);
    const r = await engine.search({ query: '"أمطار غزيرة"' });
    const [s, e] = r.hits[0].snippet.highlights[0];
    expect(r.hits[0].snippet.text.slice(s, e)).toBe('أمطار غزيرة');
  });

  it('matches a prefix typed without hamza and with clitics', async () => {
    expect((await ids('اذربيج*')).sort()).toEqual(['gas.json', 'sochi.json']);
    expect(await ids('والسيو*')).toEqual(['rain.json']);
  });

  it('matches misspelled words with ~', async () => {
    expect(await ids('بوتبن')).toEqual([]);
    expect(await ids('بوتبن~1')).toEqual(['sochi.json']);
  });

  it('restricts words to fields', async () => {
    expect(await ids('title:تونس')).toEqual(['rain.json']);
    expect((await ids('source:رويترز')).sort()).toEqual(['gas.json', 'ministers.json']);
    expect(await ids('title:النفط')).toEqual(['ministers.json'].filter(() => false));
    expect(await ids('tag:طاقة')).toEqual(['gas.json']);
  });

  it('filters by date', async () => {
    expect(await ids('الغاز after:2020-01-01')).toEqual(['ministers.json']);
    expect(await ids('الغاز before:2020')).toEqual(['gas.json']);
    expect((await ids('after:2021-11-26')).sort()).toEqual(['ministers.json', 'sochi.json']);
    expect(await ids('after:2021-11-27 before:2022-05-01')).toEqual([]);
  });

  it('applies hamza strictness to the original spelling', async () => {
    expect((await ids('أحمد')).sort()).toEqual(['nested/deep/ahmad.json', 'nested/french.json']);
    expect(await ids('أحمد', { matchHamza: true })).toEqual(['nested/deep/ahmad.json']);
    expect(await ids('احمد', { matchHamza: true })).toEqual(['nested/french.json']);
  });

  it('applies diacritics strictness', async () => {
    expect((await ids('اللُّغَةِ')).sort()).toEqual(['arabic.json', 'nested/french.json']);
    expect(await ids('اللُّغَةِ', { matchDiacritics: true })).toEqual(['arabic.json']);
  });

  it('highlights land on the matched words in the snippet', async () => {
    const r = await engine.search({ query: 'بوتين سوتشي' });
    const marked = r.hits[0].snippet.highlights.map(([s, e]) => normalize(r.hits[0].snippet.text.slice(s, e)));
    expect(marked).toEqual(expect.arrayContaining(['بوتين', 'سوتشي']));
    for (const m of marked) expect(['بوتين', 'سوتشي']).toContain(m);
  });

  it('sorts by date, pages, and counts facets for the whole result', async () => {
    const byDate = await engine.search({ query: 'الغاز أوروبا', sort: 'date' });
    expect(byDate.hits.map((h) => h.id)).toEqual(['ministers.json', 'gas.json']);
    const page = await engine.search({ query: 'الغاز أوروبا', offset: 1, limit: 1 });
    expect(page.hits.map((h) => h.id)).toEqual(['ministers.json']);
    expect(page.total).toBe(2);
    expect(page.facets.source).toEqual({ رويترز: 2 });
    expect(page.facets.year).toEqual({ 2019: 1, 2022: 1 });
  });

  it('filters by source, year and entity', async () => {
    expect(await ids('الغاز', { filters: { year: [2022] } })).toEqual(['ministers.json']);
    expect(await ids('أمطار', { filters: { source: ['رويترز'] } })).toEqual([]);
    const r = await engine.search({ query: 'الغاز', filters: { year: [2022] } });
    expect(r.facets.year).toEqual({ 2019: 1, 2022: 1 });
  });

  it('answers malformed queries with a message instead of throwing', async () => {
    for (const q of ['"', 'title:', '*', '-', '~~~', 'after:xx', '"بوتين', '+', '::', '^']) {
      const r = await engine.search({ query: q });
      expect(r, q).toHaveProperty('total');
    }
    expect((await engine.search({ query: '' })).messages).toEqual([{ code: 'type-to-search' }]);
    expect((await engine.search({ query: 'في' })).messages).toEqual([{ code: 'only-common-words' }]);
    expect((await engine.search({ query: '"بوتين' })).hits.map((h) => h.id)).toEqual(['sochi.json']);
  });

  it('returns an article with its entities and the ranges of the query', async () => {
    const a = await engine.getArticle({ id: 'sochi.json', query: 'بوتين سوتشي' });
    expect(a.title).toBe('بوتين يلتقي علييف في سوتشي');
    expect(a.hits.map(([s, e]) => a.text.slice(s, e))).toEqual(['بوتين', 'سوتشي']);
    expect(Array.isArray(a.entities)).toBe(true);
    for (const e of a.entities) expect(a.text.slice(e.start, e.end)).toBe(e.text);
    await expect(engine.getArticle({ id: 'nope.json' })).rejects.toThrow(/no article/);
  });

  it('lists articles sorted, paged and filtered, with facets', async () => {
    const all = await engine.listArticles({});
    expect(all.total).toBe(7);
    expect(all.items[0].id).toBe('ministers.json'); // newest first by default
    const byTitle = await engine.listArticles({ sort: 'title', limit: 2, offset: 1 });
    expect(byTitle.items).toHaveLength(2);
    // Filed by the Arabic alphabet (hamza forms beside alef), not by code unit (which put أ before ا).
    expect((await engine.listArticles({ sort: 'title' })).items.map((i) => i.title)).toEqual([
      'اجتماع وزاري في عمان',
      'أذربيجان توقع اتفاقا للغاز',
      'أمطار غزيرة في تونس',
      'بوتين يلتقي علييف في سوتشي',
      'دروس مسائية',
      'مؤتمر عن تعليم العربية',
      'معرض للفنون',
    ]);
    const reuters = await engine.listArticles({ filters: { source: ['رويترز'] } });
    expect(reuters.items.map((i) => i.id).sort()).toEqual(['gas.json', 'ministers.json']);
    expect(reuters.facets.source['جوهرة']).toBe(2);
    expect(all.facets.year).toMatchObject({ 2016: 1, 2017: 1, 2018: 1, 2019: 1, 2021: 1, 2022: 1 });
  });
});

describe('without an archive', () => {
  it('answers empty results instead of failing, and reports no root', async () => {
    const { ArchiveEngine } = await import('../../../src/engine/archive-engine.js');
    const none = await ArchiveEngine.open({});
    expect((await none.getStatus()).root).toBeNull();
    expect(await none.search({ query: 'بوتين' })).toMatchObject({ total: 0, hits: [], messages: [{ code: 'no-archive-open' }] });
    expect((await none.listArticles({})).total).toBe(0);
    expect(await none.topEntities({})).toEqual([]);
    await expect(none.reindex()).rejects.toThrow(/no archive/);
    await expect(none.openArchive({ path: '/nonexistent/folder' })).rejects.toThrow(/not found/);
    await none.close();
  });
});
