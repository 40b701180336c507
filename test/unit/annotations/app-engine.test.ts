import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createArchiveApp, type ArchiveApp } from '../../../src/app.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';

// The app on the real engine: a small archive folder written here, indexed into a cache outside it.
const FIRST = 'يريفان - أعلن رئيس الوزراء الأرميني نيكول باشینیان اليوم أن المحادثات مع أذربيجان ستستأنف الأسبوع المقبل.\n';
const SECOND = 'موسكو - التقى الرئيس الروسي وباشينيان في قمة إقليمية، وقال مصدر لباشينيان إن الاتفاق قريب.\n';

let app: ArchiveApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function openArchive() {
  const root = mkdtempSync(join(tmpdir(), 'annotations-archive-'));
  mkdirSync(join(root, 'politics'));
  writeFileSync(join(root, 'first.txt'), FIRST);
  writeFileSync(join(root, 'politics', 'second.txt'), SECOND);
  const engine = await ArchiveEngine.open({ root, cacheDir: mkdtempSync(join(tmpdir(), 'annotations-cache-')), autoIndex: 'none', workers: 1 });
  await engine.reindex();
  app = createArchiveApp(engine);
  return { root, app, engine };
}

describe('annotations on the real engine', () => {
  it('teaches a name in one article and shows it in another; the hidden folder is not indexed', async () => {
    const { root, app, engine } = await openArchive();
    const ids = (await app.listArticles({})).items.map((a) => a.id).sort();
    expect(ids).toEqual(['first.txt', 'politics/second.txt']);
    const first = await app.getArticle({ id: 'first.txt' });
    const start = first.text.indexOf('باشینیان');
    expect(start).toBeGreaterThan(0);
    await app.addAnnotation({ articleId: 'first.txt', start, end: start + 'باشینیان'.length, entityType: 'PERSON', archiveWide: true });
    await app.addAnnotation({ articleId: 'first.txt', start: 0, end: 6, note: 'العاصمة الأرمنية، راجع الخريطة', tags: ['مدن'] });

    const second = await app.getArticle({ id: 'politics/second.txt' });
    const taught = second.entities.filter((e) => e.origin === 'user');
    expect(taught.map((e) => [e.text, e.type])).toEqual([
      ['باشينيان', 'PERSON'],
      ['باشينيان', 'PERSON'],
    ]);

    const found = await app.search({ query: 'الخريطة' });
    expect(found.hits.filter((h) => h.kind === 'annotation').map((h) => h.id)).toEqual(['first.txt']);

    expect(readdirSync(root).sort()).toEqual(['.archive-reader', 'first.txt', 'politics']);
    const report = await engine.reindex();
    expect(report.articles).toBe(2);
  });
});
