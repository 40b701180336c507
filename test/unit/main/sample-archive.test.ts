// The archive a first `npm start` opens: every supported format, metadata the reader shows, nested folders.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleFormat } from '../../../src/api.js';
import { parseArticleFile, scanArchive } from '../../../src/articles/index.js';

const root = fileURLToPath(new URL('../../../assets/sample-archive', import.meta.url));

describe('bundled sample archive', async () => {
  const scan = await scanArchive(root);
  const articles = (await Promise.all(scan.files.map((f) => parseArticleFile(f.absPath, f.relPath)))).flatMap((r) => r.articles);

  it('scans without failures and holds at least a dozen articles', () => {
    expect(scan.failures).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(12);
  });

  it('covers every supported format, in sub-folders too', () => {
    const formats = new Set(articles.map((a) => a.format));
    expect([...formats].sort()).toEqual((['html', 'json', 'jsonl', 'md', 'txt'] satisfies ArticleFormat[]).sort());
    expect(articles.filter((a) => a.id.includes('/')).length).toBeGreaterThan(articles.length / 2);
  });

  it('gives every article a title, a source and a date', () => {
    for (const a of articles) {
      expect(a.title, a.id).not.toBe('');
      expect(a.source, a.id).toBeTruthy();
      expect(a.date, a.id).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });

  it('includes the seed article unchanged, and the mixed-script and diacritized texts', () => {
    expect(articles.find((a) => a.id === 'وكالات/000_5325abadd3a796aa.txt')?.title).toBe('بوتين وعلييف يلتقيان في سوتشي');
    const all = articles.map((a) => a.text).join('\n');
    expect(all).toContain('2,5 مليار دولار');
    expect(all).toMatch(/COP28/);
    expect(all).toMatch(/[\u064B-\u0652]{1}.*[\u064B-\u0652]/);
    for (const month of ['تشرين الثاني', 'كانون الثاني', 'جانفي', 'جويلية', 'يناير', 'شباط', 'أفريل']) expect(all).toContain(month);
  });
});
