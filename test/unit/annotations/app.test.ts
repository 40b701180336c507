import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EntitySpan } from '../../../src/api.js';
import { createArchiveApp, type ArchiveApp } from '../../../src/app.js';
import { FakeEngine } from './fake-engine.js';

const ARTICLE_A =
  'يريفان - أعلن رئيس الوزراء الأرميني نيكول باشینیان اليوم أن المحادثات مع أذربيجان ستستأنف الأسبوع المقبل.';
const ARTICLE_B =
  'موسكو - التقى الرئيس الروسي وباشينيان في قمة إقليمية، وقال مصدر لباشينيان إن الاتفاق قريب. وزار أرمينيا وفد الأرميني.';
const ARTICLE_C = 'القاهرة - قالت الحكومة إن الاقتصاد ينمو ببطء رغم التحديات.';

function span(text: string, word: string, type: EntitySpan['type'], nth = 0): EntitySpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`fixture: ${word} not found`);
  return { start: at, end: at + word.length, type, text: word, origin: 'auto' };
}

function rangeOf(text: string, word: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`fixture: ${word} not found`);
  return { start: at, end: at + word.length };
}

let engine: FakeEngine;
let app: ArchiveApp;

beforeEach(() => {
  engine = new FakeEngine();
  // The tagger missed باشينيان in both articles and took يريفان for an organisation.
  engine.addArticle('a.txt', ARTICLE_A, 'باشينيان والمحادثات', [span(ARTICLE_A, 'يريفان', 'ORGANIZATION')]);
  engine.addArticle('politics/b.txt', ARTICLE_B, 'قمة إقليمية', [
    span(ARTICLE_B, 'موسكو', 'LOCATION'),
    span(ARTICLE_B, 'لباشينيان', 'LOCATION'),
  ]);
  engine.addArticle('c.txt', ARTICLE_C, 'الاقتصاد', [span(ARTICLE_C, 'القاهرة', 'LOCATION')]);
  app = createArchiveApp(engine);
});

describe('highlights and notes', () => {
  it('adds, lists, edits and deletes a highlight with a note and tags', async () => {
    const added = await app.addAnnotation({
      articleId: 'a.txt',
      ...rangeOf(ARTICLE_A, 'المحادثات مع أذربيجان'),
      note: 'تأكيد من مصدر ثان',
      tags: ['أذربيجان', ' مفاوضات ', '#مفاوضات'],
      color: 'green',
    });
    expect(added).toMatchObject({ kind: 'highlight', color: 'green', tags: ['أذربيجان', 'مفاوضات'] });
    expect(added.quote.exact).toBe('المحادثات مع أذربيجان');
    expect(added.anchor).toEqual(rangeOf(ARTICLE_A, 'المحادثات مع أذربيجان'));

    const updated = await app.updateAnnotation({ id: added.id, note: 'نفته الخارجية لاحقاً', color: 'pink' });
    expect(updated).toMatchObject({ note: 'نفته الخارجية لاحقاً', color: 'pink', created: added.created });
    expect(updated.modified > added.modified).toBe(true);

    expect((await app.listAnnotations({ articleId: 'a.txt' })).map((a) => a.note)).toEqual(['نفته الخارجية لاحقاً']);
    await app.deleteAnnotation({ id: added.id });
    expect(await app.listAnnotations({})).toEqual([]);
    await expect(app.deleteAnnotation({ id: added.id })).rejects.toThrow(/no annotation/);
  });

  it('keeps annotations inside the archive in .archive-reader/ and touches nothing else', async () => {
    expect(readdirSync(engine.root)).toEqual([]);
    await app.addAnnotation({ articleId: 'a.txt', start: 0, end: 6 });
    expect(readdirSync(engine.root)).toEqual(['.archive-reader']);
    expect(readdirSync(join(engine.root, '.archive-reader')).filter((f) => !f.endsWith('.lock'))).toEqual([
      'annotations.jsonl',
    ]);
    // A second app on the same archive (another window) sees it.
    expect(await createArchiveApp(engine).listAnnotations({})).toHaveLength(1);
  });

  it('rejects unknown articles, path tricks, empty or out-of-range selections, and bad fields', async () => {
    await expect(app.addAnnotation({ articleId: '../../etc/passwd', start: 0, end: 3 })).rejects.toThrow(/no article/);
    await expect(app.addAnnotation({ articleId: 'a.txt', start: 5, end: 5 })).rejects.toThrow(/not a non-empty range/);
    await expect(app.addAnnotation({ articleId: 'a.txt', start: 0, end: 10_000 })).rejects.toThrow(/not a non-empty range/);
    await expect(app.addAnnotation({ articleId: 'a.txt', start: 0, end: 3, entityType: 'PERSON', kind: 'highlight' })).rejects.toThrow(
      /kind "entity"/,
    );
    await expect(app.addAnnotation({ articleId: 'a.txt', start: 0, end: 3, color: 'red' as never })).rejects.toThrow(/color/);
    await expect(app.updateAnnotation({ id: 'nope', note: 'x' })).rejects.toThrow(/no annotation/);
    expect(existsSync(join(engine.root, '.archive-reader'))).toBe(false);
  });

  it('shows an annotation whose text was removed from the article as an orphan, never drops it', async () => {
    const added = await app.addAnnotation({ articleId: 'c.txt', ...rangeOf(ARTICLE_C, 'الاقتصاد ينمو ببطء'), note: 'مهم' });
    engine.addArticle('c.txt', 'القاهرة - خبر معدل بالكامل عن الطقس.', 'الطقس');
    const [listed] = await app.listAnnotations({});
    expect(listed).toMatchObject({ id: added.id, anchor: null, note: 'مهم', articleTitle: 'الطقس' });
    engine.articles.delete('c.txt');
    const [gone] = await app.listAnnotations({});
    expect(gone).toMatchObject({ id: added.id, anchor: null });
    expect(gone.articleTitle).toBeUndefined();
  });

  it('gives every annotation the title of its article, as added, updated and listed', async () => {
    const added = await app.addAnnotation({ articleId: 'politics/b.txt', ...rangeOf(ARTICLE_B, 'قمة إقليمية') });
    expect(added.articleTitle).toBe('قمة إقليمية');
    expect((await app.updateAnnotation({ id: added.id, note: 'ن' })).articleTitle).toBe('قمة إقليمية');
    await app.addAnnotation({ articleId: 'c.txt', ...rangeOf(ARTICLE_C, 'الحكومة') });
    const titles = (await app.listAnnotations({})).map((a) => [a.articleId, a.articleTitle]);
    expect(titles).toEqual([
      ['c.txt', 'الاقتصاد'],
      ['politics/b.txt', 'قمة إقليمية'],
    ]);
  });

  it('filters by tag, colour, kind, type, article and Arabic-normalised note text', async () => {
    await app.addAnnotation({ articleId: 'a.txt', start: 0, end: 6, color: 'blue', tags: ['مدن'], note: 'العاصمة الأرمنية' });
    await app.addAnnotation({ articleId: 'c.txt', ...rangeOf(ARTICLE_C, 'الحكومة'), note: 'بيان الحكومة الرسمي' });
    await app.addAnnotation({ articleId: 'politics/b.txt', ...rangeOf(ARTICLE_B, 'موسكو'), entityType: 'LOCATION' });
    expect((await app.listAnnotations({ tag: '#مدن' })).map((a) => a.articleId)).toEqual(['a.txt']);
    expect((await app.listAnnotations({ color: 'yellow' })).map((a) => a.articleId)).toEqual(['c.txt']);
    expect((await app.listAnnotations({ kind: 'entity' })).map((a) => a.articleId)).toEqual(['politics/b.txt']);
    expect((await app.listAnnotations({ entityType: 'LOCATION' }))).toHaveLength(1);
    expect((await app.listAnnotations({ articleId: 'c.txt' }))).toHaveLength(1);
    // ة/ه and diacritics folded: "الحكومه" and "الحُكومة" find "الحكومة".
    expect((await app.listAnnotations({ text: 'الحكومه' })).map((a) => a.articleId)).toEqual(['c.txt']);
    expect((await app.listAnnotations({ text: 'الحُكومة الرسمي' })).map((a) => a.articleId)).toEqual(['c.txt']);
    expect(await app.listAnnotations({ text: 'أرمينيا' })).toEqual([]);
  });
});

describe('entity corrections', () => {
  it('teaches a name once and highlights it in another article in its clitic forms; deleting reverts', async () => {
    const taught = await app.addAnnotation({
      articleId: 'a.txt',
      ...rangeOf(ARTICLE_A, 'باشینیان'),
      kind: 'entity',
      entityType: 'PERSON',
      archiveWide: true,
    });
    const a = await app.getArticle({ id: 'a.txt' });
    expect(a.entities.filter((e) => e.origin === 'user')).toEqual([
      { ...rangeOf(ARTICLE_A, 'باشینیان'), type: 'PERSON', text: 'باشینیان', origin: 'user' },
    ]);

    const b = await app.getArticle({ id: 'politics/b.txt' });
    const people = b.entities.filter((e) => e.type === 'PERSON');
    // وباشينيان and لباشينيان, without their clitics; the wrong automatic LOCATION on لباشينيان is replaced.
    expect(people.map((e) => [e.text, e.origin])).toEqual([
      ['باشينيان', 'user'],
      ['باشينيان', 'user'],
    ]);
    expect(people[0].start).toBe(ARTICLE_B.indexOf('وباشينيان') + 1);
    expect(b.entities.some((e) => e.type === 'LOCATION' && e.text === 'لباشينيان')).toBe(false);
    expect(b.entities.find((e) => e.text === 'موسكو')).toMatchObject({ type: 'LOCATION', origin: 'auto' });
    // The rule is listable.
    expect(await app.listAnnotations({ kind: 'entity', entityType: 'PERSON' })).toMatchObject([{ id: taught.id, archiveWide: true }]);

    await app.deleteAnnotation({ id: taught.id });
    const reverted = await app.getArticle({ id: 'politics/b.txt' });
    expect(reverted.entities.map((e) => [e.text, e.type])).toEqual([
      ['موسكو', 'LOCATION'],
      ['لباشينيان', 'LOCATION'],
    ]);
  });

  it('does not spread a taught name to other words with the same stem', async () => {
    await app.addAnnotation({ articleId: 'politics/b.txt', ...rangeOf(ARTICLE_B, 'أرمينيا'), entityType: 'LOCATION', archiveWide: true });
    const b = await app.getArticle({ id: 'politics/b.txt' });
    expect(b.entities.filter((e) => e.origin === 'user').map((e) => e.text)).toEqual(['أرمينيا']);
  });

  it('retypes and removes an automatic entity in one article only', async () => {
    await app.addAnnotation({ articleId: 'a.txt', ...rangeOf(ARTICLE_A, 'يريفان'), entityType: 'LOCATION' });
    await app.addAnnotation({ articleId: 'c.txt', ...rangeOf(ARTICLE_C, 'القاهرة'), entityType: null });
    expect((await app.getArticle({ id: 'a.txt' })).entities).toEqual([
      { ...rangeOf(ARTICLE_A, 'يريفان'), type: 'LOCATION', text: 'يريفان', origin: 'user' },
    ]);
    expect((await app.getArticle({ id: 'c.txt' })).entities).toEqual([]);
  });

  it('removes an automatic entity archive-wide, and a retype there wins over the archive-wide rule', async () => {
    engine.addArticle('d.txt', 'وصل وفد إلى موسكو ثم غادر موسكو.', 'وفد', [
      span('وصل وفد إلى موسكو ثم غادر موسكو.', 'موسكو', 'LOCATION'),
      span('وصل وفد إلى موسكو ثم غادر موسكو.', 'موسكو', 'LOCATION', 1),
    ]);
    const removal = await app.addAnnotation({ articleId: 'politics/b.txt', ...rangeOf(ARTICLE_B, 'موسكو'), entityType: null, archiveWide: true });
    expect((await app.getArticle({ id: 'd.txt' })).entities).toEqual([]);
    expect((await app.getArticle({ id: 'politics/b.txt' })).entities.some((e) => e.text === 'موسكو')).toBe(false);
    await app.addAnnotation({ articleId: 'd.txt', start: 'وصل وفد إلى '.length, end: 'وصل وفد إلى موسكو'.length, entityType: 'ORGANIZATION' });
    expect((await app.getArticle({ id: 'd.txt' })).entities.map((e) => [e.text, e.type])).toEqual([['موسكو', 'ORGANIZATION']]);
    await app.updateAnnotation({ id: removal.id, archiveWide: false });
    expect((await app.getArticle({ id: 'd.txt' })).entities.map((e) => [e.type, e.origin])).toEqual([
      ['ORGANIZATION', 'user'],
      ['LOCATION', 'auto'],
    ]);
  });

  it('gives a date the user marked its ISO value when the text determines one', async () => {
    const text = 'وقعت الاتفاقية في 26 نوفمبر 2021 بعد سنوات من التفاوض.';
    engine.addArticle('e.txt', text, 'اتفاقية');
    await app.addAnnotation({ articleId: 'e.txt', ...rangeOf(text, '26 نوفمبر 2021'), entityType: 'DATE' });
    await app.addAnnotation({ articleId: 'e.txt', ...rangeOf(text, 'بعد سنوات'), entityType: 'DATE' });
    expect((await app.getArticle({ id: 'e.txt' })).entities).toEqual([
      { ...rangeOf(text, '26 نوفمبر 2021'), type: 'DATE', text: '26 نوفمبر 2021', origin: 'user', value: '2021-11-26' },
      { ...rangeOf(text, 'بعد سنوات'), type: 'DATE', text: 'بعد سنوات', origin: 'user' },
    ]);
  });

  it('refuses to apply a whole sentence archive-wide', async () => {
    await expect(
      app.addAnnotation({ articleId: 'a.txt', start: 0, end: ARTICLE_A.length, entityType: 'PERSON', archiveWide: true }),
    ).rejects.toThrow(/name/);
  });
});

describe('search covers notes and tags', () => {
  it('adds an annotation hit for an article whose note matches the query, with a snippet from the note', async () => {
    await app.addAnnotation({
      articleId: 'c.txt',
      ...rangeOf(ARTICLE_C, 'الاقتصاد ينمو'),
      note: 'أرقام النمو تخالف تقرير البنك المركزي',
      tags: ['اقتصاد'],
    });
    const result = await app.search({ query: 'البنك المركزى' });
    expect(result.hits).toHaveLength(1);
    const [hit] = result.hits;
    expect(hit).toMatchObject({ id: 'c.txt', kind: 'annotation', title: 'الاقتصاد' });
    expect(hit.snippet.text).toContain('البنك المركزي');
    expect(hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e))).toEqual(['البنك', 'المركزي']);
    // Tags are searched too; words missing from the note give no hit.
    expect((await app.search({ query: 'اقتصاد' })).hits.map((h) => h.kind)).toEqual(['annotation']);
    expect((await app.search({ query: 'البنك الدولي' })).hits).toEqual([]);
    // Only on the first page.
    expect((await app.search({ query: 'البنك', offset: 20 })).hits).toEqual([]);
  });
});

describe('a damaged annotation log', () => {
  it('is reported in the status, and the lost lines can be exported', async () => {
    const added = await app.addAnnotation({ articleId: 'a.txt', ...rangeOf(ARTICLE_A, 'باشینیان'), note: 'مهم' });
    await app.addAnnotation({ articleId: 'c.txt', ...rangeOf(ARTICLE_C, 'الاقتصاد') });
    expect((await app.getStatus()).damagedAnnotations).toBeUndefined();
    const file = join(engine.root, '.archive-reader', 'annotations.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"note":"مهم"', '"note":"مهن"'));
    expect((await app.listAnnotations({})).map((a) => a.articleId)).toEqual(['c.txt']);
    expect((await app.getStatus()).damagedAnnotations).toBe(1);
    const lost = await app.exportAnnotations({ format: 'damaged' });
    expect(lost).toContain(added.id);
    expect(lost.split('\n')).toHaveLength(2);
  });
});
