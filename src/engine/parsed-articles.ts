// The articles parsed so far while a first index is built: listed (and opened, read again from their file) before
// they can be searched, so that a large folder is usable from the first minute.
import { join } from 'node:path';
import type { ArticleMeta, ArticleView, ListRequest, ListResult } from '../api.js';
import { parseArticleFile } from '../articles/index.js';
import { yearOfDate } from '../dates/index.js';
import { emptyFacets } from '../search/filters.js';

export class ParsedArticles {
  private readonly byId = new Map<string, ArticleMeta>();

  add(metas: readonly ArticleMeta[]): void {
    for (const m of metas) this.byId.set(m.id, m);
  }

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The library view over them: sorted and paged as the index would, filtered by source and year (names are not known yet). */
  list(req: ListRequest): ListResult {
    const facets = emptyFacets();
    const sources = req.filters?.source?.length ? new Set(req.filters.source) : null;
    const years = req.filters?.year?.length ? new Set(req.filters.year) : null;
    const byNames = Boolean(req.filters?.entity?.length);
    const passed: ArticleMeta[] = [];
    for (const m of this.byId.values()) {
      const year = yearOfDate(m.date);
      const sourceOk = !sources || sources.has(m.source ?? '');
      const yearOk = !years || (year !== undefined && years.has(year));
      if (byNames) continue;
      if (yearOk && m.source) facets.source[m.source] = (facets.source[m.source] ?? 0) + 1;
      if (sourceOk && year !== undefined) facets.year[year] = (facets.year[year] ?? 0) + 1;
      if (sourceOk && yearOk) passed.push(m);
    }
    const sort = req.sort ?? 'date';
    const descending = req.descending ?? sort === 'date';
    const key = (m: ArticleMeta) => (sort === 'date' ? m.date : sort === 'source' ? m.source : m.title) ?? '';
    passed.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const order = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : 1;
      return descending ? -order : order;
    });
    const offset = req.offset ?? 0;
    const items = passed.slice(offset, offset + (req.limit ?? 100)).map((m) => ({ ...m }));
    return { total: passed.length, items, facets };
  }

  /** A parsed article read again from its file (without entities: they are found when it is indexed). */
  async read(root: string, id: string): Promise<ArticleView | null> {
    if (!this.byId.has(id)) return null;
    const relPath = id.replace(/#\d+$/, '');
    const parsed = await parseArticleFile(join(root, relPath), relPath);
    const article = parsed.articles.find((a) => a.id === id);
    return article ? { ...article, entities: [], hits: [] } : null;
  }
}
