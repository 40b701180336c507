// Filters narrow what the query finds; facets count the current result set; a name's clitic forms are one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityCount, Facets } from '../../../src/api.js';
import type { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { openIndexed, remove, tempDir, writeArchive } from './helpers.js';

let dir: string;
let cache: string;
let engine: ArchiveEngine;

// "الطاقة" finds the first two; الجزائر is named in three articles, تونس in three, المغرب in one.
const ARTICLES = {
  'algeria-energy.json': {
    title: 'مشروع شمسي في الصحراء',
    body: 'أعلنت الجزائر إطلاق مشروع كبير للطاقة الشمسية في الصحراء. وقال وزير الطاقة إن المشروع سيوفر آلاف الوظائف.',
    source: 'وكالة أ',
    date: '2020-03-01',
  },
  'tunis-energy.json': {
    title: 'وفد في زيارة رسمية',
    body: 'بحث وفد من تونس مع مسؤولين في الجزائر التعاون في مجال الطاقة والغاز. وقال رئيس الوفد إن تونس تريد شراكة دائمة.',
    source: 'وكالة ب',
    date: '2021-04-02',
  },
  'algeria-music.json': {
    title: 'مهرجان الموسيقى الأندلسية',
    body: 'افتتح مهرجان الموسيقى الأندلسية في الجزائر العاصمة بمشاركة فرق من المغرب وتونس.',
    source: 'وكالة ب',
    date: '2021-06-03',
  },
  'tunis-rain.json': {
    title: 'أمطار غزيرة',
    body: 'هطلت أمطار غزيرة على العاصمة تونس يوم الخميس. وقالت الحماية المدنية إن عدة طرقات أغلقت.',
    source: 'وكالة أ',
    date: '2019-01-20',
  },
  'un-call.json': {
    title: 'نداء أممي',
    body: 'دعا الأمين العام للأمم المتحدة إلى وقف إطلاق النار في غزة.',
    source: 'وكالة أ',
    date: '2022-01-01',
  },
  'un-report.json': {
    title: 'تقرير إنساني',
    body: 'قالت الأمم المتحدة إن الوضع الإنساني في غزة خطير.',
    source: 'وكالة ب',
    date: '2022-02-01',
  },
};

const ids = (r: { hits?: { id: string }[]; items?: { id: string }[] }) => (r.hits ?? r.items ?? []).map((h) => h.id).sort();
const named = (facets: Facets, type: EntityCount['type']) =>
  Object.fromEntries(facets.names.filter((n) => n.type === type).map((n) => [n.text, n.count]));

beforeAll(async () => {
  dir = tempDir('facets');
  cache = tempDir('facets-cache');
  writeArchive(dir, ARTICLES);
  engine = await openIndexed(dir, cache);
}, 120_000);

afterAll(async () => {
  await engine.close();
  remove(dir);
  remove(cache);
}, 60_000);

describe('filters narrow what the query finds', () => {
  it('a ticked name keeps only the results that mention it', async () => {
    expect(ids(await engine.search({ query: 'الطاقة' }))).toEqual(['algeria-energy.json', 'tunis-energy.json']);
    const filtered = await engine.search({ query: 'الطاقة', filters: { entity: ['LOCATION:تونس'] } });
    expect(ids(filtered)).toEqual(['tunis-energy.json']);
    expect(filtered.fullMatches).toBe(1);
  });

  it('names of one type are alternatives, different types must all hold', async () => {
    const either = await engine.listArticles({ filters: { entity: ['LOCATION:المغرب', 'LOCATION:غزة'] } });
    expect(ids(either)).toEqual(['algeria-music.json', 'un-call.json', 'un-report.json']);
    const both = await engine.listArticles({ filters: { entity: ['LOCATION:غزة', 'ORGANIZATION:الأمم المتحدة'] } });
    expect(ids(both)).toEqual(['un-call.json', 'un-report.json']);
    const none = await engine.listArticles({ filters: { entity: ['LOCATION:تونس', 'ORGANIZATION:الأمم المتحدة'] } });
    expect(none.total).toBe(0);
    const withSource = await engine.search({ query: 'الطاقة', filters: { entity: ['LOCATION:الجزائر'], source: ['وكالة ب'] } });
    expect(ids(withSource)).toEqual(['tunis-energy.json']);
  });

  it('person:/place:/org: in the query narrow the words, as after:/before: do', async () => {
    expect(ids(await engine.search({ query: 'الطاقة place:تونس' }))).toEqual(['tunis-energy.json']);
    expect(ids(await engine.search({ query: 'الطاقة الغاز place:تونس' }))).toEqual(['tunis-energy.json']);
    expect(ids(await engine.search({ query: 'الطاقة after:2021-01-01' }))).toEqual(['tunis-energy.json']);
    // On its own a filter lists every article it lets through.
    expect(ids(await engine.search({ query: 'place:المغرب' }))).toEqual(['algeria-music.json']);
  });
});

describe('facets count the current result set', () => {
  it('the names of a search are counted over its results, by type', async () => {
    const r = await engine.search({ query: 'الطاقة' });
    expect(named(r.facets, 'LOCATION')).toEqual({ الجزائر: 2, تونس: 1 });
    expect(named(r.facets, 'ORGANIZATION')).toEqual({});
    const nothing = await engine.search({ query: 'كرة' });
    expect(nothing.facets.names).toEqual([]);
  });

  it('the library counts the whole archive; a ticked name leaves its own group as it was', async () => {
    const all = await engine.listArticles({});
    expect(named(all.facets, 'LOCATION')).toMatchObject({ الجزائر: 3, تونس: 3, المغرب: 1, غزة: 2 });
    const tunis = await engine.listArticles({ filters: { entity: ['LOCATION:تونس'] } });
    expect(named(tunis.facets, 'LOCATION')).toMatchObject({ الجزائر: 3, تونس: 3, المغرب: 1, غزة: 2 });
    expect(tunis.facets.source).toEqual({ 'وكالة أ': 1, 'وكالة ب': 2 });
    expect(named(tunis.facets, 'ORGANIZATION')).toEqual({});
  });
});

describe('one row per name', () => {
  it('clitic forms are folded into the bare name, in the facets and in the filter', async () => {
    const orgs = named((await engine.listArticles({})).facets, 'ORGANIZATION');
    expect(orgs).toEqual({ 'الأمم المتحدة': 2 });
    const top = await engine.topEntities({ type: 'ORGANIZATION' });
    expect(top.map((e) => [e.text, e.count])).toEqual([['الأمم المتحدة', 2]]);
    const withClitic = await engine.listArticles({ filters: { entity: ['ORGANIZATION:للأمم المتحدة'] } });
    expect(ids(withClitic)).toEqual(['un-call.json', 'un-report.json']);
  });
});
