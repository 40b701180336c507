// The status never says "done" while the index may be out of date: the walk that checks every file against the
// cache is the scanning phase, with how many entries were found out of those the cache knew.
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { openIndexed, remove, tempDir, writeArticle } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(remove));

describe('index status', { timeout: 120_000 }, () => {
  it('reports the check of an indexed archive as scanning, with progress, then done', async () => {
    const dir = tempDir('status');
    const cache = tempDir('status-cache');
    dirs.push(dir, cache);
    const FILES = 250;
    for (let i = 0; i < FILES; i++) writeArticle(dir, `a/${i}.json`, { title: `خبر ${i}`, body: `نص الخبر رقم ${i} عن الاقتصاد.` });
    await (await openIndexed(dir, cache)).close();

    const engine = await ArchiveEngine.open({ root: dir, cacheDir: cache, autoIndex: 'none' });
    try {
      const seen: string[] = [];
      const run = engine.reindex();
      let finished = false;
      void run.finally(() => (finished = true));
      while (!finished) {
        const { progress } = await engine.getStatus();
        seen.push(`${progress.phase} ${progress.done}/${progress.total}`);
        await new Promise((r) => setImmediate(r));
      }
      expect(await run).toMatchObject({ unchanged: FILES, indexed: 0 });
      expect(seen[0]).toBe(`scanning 0/${FILES}`);
      expect(seen).not.toContain(`done ${FILES}/${FILES}`);
      expect((await engine.getStatus()).progress).toMatchObject({ phase: 'done', done: FILES, total: FILES });
    } finally {
      await engine.close();
    }
  });
});
