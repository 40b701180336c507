// One very large article indexes in time proportional to its size: a 20 MB article costs at most a generous
// multiple of 20 times what a 1 MB one costs (quadratic work would cost 400 times). Compared in CPU time, which a
// busy shared machine disturbs much less than wall time; a run past the bound is cancelled rather than awaited.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeArabicArticle } from '../../../scripts/large-article.js';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { remove, tempDir } from './helpers.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(remove));

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** CPU seconds to index a folder holding one article of `mb` MB; the run is cancelled past `limit` seconds. */
async function indexOneArticle(mb: number, limit = Infinity): Promise<{ cpu: number; engine: ArchiveEngine }> {
  const dir = tempDir(`large-${mb}`);
  dirs.push(dir);
  writeFileSync(join(dir, 'big.txt'), largeArabicArticle(mb * 1024 * 1024));
  const engine = await ArchiveEngine.open({ root: dir, cacheDir: join(dir, '.cache'), autoIndex: 'none', workers: 1 });
  const before = cpuSeconds();
  const watchdog = setInterval(() => {
    if (cpuSeconds() - before > limit) void engine.cancelIndexing();
  }, 200);
  try {
    await engine.reindex().catch((e) => {
      throw new Error(`indexing ${mb} MB did not finish within ${limit.toFixed(0)} CPU seconds (${(e as Error).message})`);
    });
  } finally {
    clearInterval(watchdog);
  }
  return { cpu: cpuSeconds() - before, engine };
}

describe('a very large article', { timeout: 600_000 }, () => {
  it('indexes 20 MB within a bound proportional to 1 MB, and is searchable with its entities', async () => {
    const small = await indexOneArticle(1);
    await small.engine.close();
    const bound = 40 * small.cpu;
    const large = await indexOneArticle(20, bound);
    try {
      expect(large.cpu).toBeLessThan(bound);
      const found = await large.engine.search({ query: 'باشينيان', limit: 1 });
      expect(found.hits.map((h) => h.id)).toEqual(['big.txt']);
      const article = await large.engine.getArticle({ id: 'big.txt' });
      expect(article.text.length).toBeGreaterThan(10_000_000);
      expect(article.entities.filter((e) => e.type === 'PERSON').length).toBeGreaterThan(10_000);
      expect(article.entities.filter((e) => e.type === 'DATE').length).toBeGreaterThan(10_000);
    } finally {
      await large.engine.close();
    }
  });
});
