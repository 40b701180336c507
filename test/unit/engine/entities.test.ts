import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { openIndexed, remove, tempDir, writeArchive } from './helpers.js';

let dir: string;
let cache: string;
let engine: ArchiveEngine;

beforeAll(async () => {
  dir = tempDir('entities');
  cache = tempDir('entities-cache');
  writeArchive(dir, {
    'a.json': { title: 'زيارة', body: 'التقى الرئيس الروسي فلاديمير بوتين نظيره إلهام علييف في مدينة سوتشي الروسية.' },
    'b.json': { title: 'تصريح', body: 'قال الرئيس الروسي فلاديمير بوتين في موسكو إن المحادثات كانت مثمرة.' },
    'c.json': { title: 'طقس', body: 'أمطار غزيرة في تونس العاصمة وفي مدينة صفاقس.' },
  });
  engine = await openIndexed(dir, cache);
}, 120_000);

afterAll(async () => {
  await engine.close();
  remove(dir);
  remove(cache);
}, 60_000);

describe('entities in the index', () => {
  it('stores the entities with each article, with offsets into its text', async () => {
    const a = await engine.getArticle({ id: 'a.json' });
    for (const e of a.entities) expect(a.text.slice(e.start, e.end)).toBe(e.text);
  });

  it('counts entities over the archive (by articles mentioning them), most frequent first', async () => {
    const top = await engine.topEntities({ limit: 50 });
    for (let i = 1; i < top.length; i++) expect(top[i - 1].count).toBeGreaterThanOrEqual(top[i].count);
    const people = await engine.topEntities({ type: 'PERSON' });
    expect(people.every((e) => e.type === 'PERSON')).toBe(true);
    const putin = people.find((e) => e.text.includes('بوتين'));
    expect(putin?.count).toBe(2);
  });

  it('filters searches and the library by an entity the tagger found', async () => {
    const [putin] = (await engine.topEntities({ type: 'PERSON' })).filter((e) => e.text.includes('بوتين'));
    const listed = await engine.listArticles({ filters: { entity: [`PERSON:${putin.text}`] } });
    expect(listed.items.map((i) => i.id).sort()).toEqual(['a.json', 'b.json']);
    const found = await engine.search({ query: 'person:بوتين' });
    expect(found.hits.map((h) => h.id).sort()).toEqual(['a.json', 'b.json']);
    const filtered = await engine.search({ query: 'الروسي', filters: { entity: [`PERSON:${putin.text}`] } });
    expect(filtered.total).toBe(2);
    expect((await engine.search({ query: 'person:سوتشي' })).total).toBe(0);
  });
});
