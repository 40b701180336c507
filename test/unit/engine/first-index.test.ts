// While a folder is indexed for the first time, the articles already parsed are listed (and open) before they are
// searchable (the estimate of the time left: progress-clock.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveStatus, ListResult } from '../../../src/api.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { remove, tempDir, writeArchive, type TestArticle } from './helpers.js';

let dir: string;
let cache: string;
const N = 400;

beforeAll(() => {
  dir = tempDir('first-index');
  cache = tempDir('first-index-cache');
  const articles: Record<string, TestArticle> = {};
  for (let i = 0; i < N; i++) {
    articles[`a${String(i).padStart(3, '0')}.json`] = {
      title: `تقرير رقم ${i} عن الاقتصاد`,
      body: `قال وزير المالية في تونس إن النمو بلغ ${i} بالمئة هذا العام. وأضاف أن الحكومة ستواصل الإصلاحات في الجزائر والمغرب ومصر. `.repeat(20),
      source: i % 2 ? 'وكالة أ' : 'وكالة ب',
      date: `20${10 + (i % 10)}-01-01`,
    };
  }
  writeArchive(dir, articles);
});

afterAll(() => {
  remove(dir);
  remove(cache);
});

describe('the first index', () => {
  it('lists the parsed articles before they are indexed, and opens them', { timeout: 120_000 }, async () => {
    const engine = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none', workers: 2 });
    try {
      const run = engine.reindex();
      let early: { status: ArchiveStatus; list: ListResult } | null = null;
      let finished = false;
      void run.finally(() => (finished = true));
      while (!finished && !early) {
        const status = await engine.getStatus();
        const list = await engine.listArticles({ limit: 5 });
        if (status.articles === 0 && list.total > 0) early = { status, list };
        else await new Promise((r) => setTimeout(r, 10));
      }
      expect(early, 'some articles were listed before the index was ready').not.toBeNull();
      const { status, list } = early!;
      expect(status.parsedArticles).toBe(list.total);
      expect(list.items.length).toBeGreaterThan(0);
      // Newest first, as the library sorts once indexed.
      const dates = list.items.map((i) => i.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      const opened = await engine.getArticle({ id: list.items[0].id });
      expect(opened.title).toBe(list.items[0].title);
      expect(opened.text).toContain('وزير المالية');
      await run;
      const after = await engine.getStatus();
      expect(after.articles).toBe(N);
      expect(after.parsedArticles).toBeUndefined();
      expect((await engine.listArticles({})).total).toBe(N);
    } finally {
      await engine.close();
    }
  });
});
