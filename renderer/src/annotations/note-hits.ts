// Search hits from the user's notes (kind 'annotation') come on the first page after the article hits, outside
// the engine's `total`. The list shows them first, so the virtual list's paging is shifted by their number.
import type { SearchHit } from '../../../src/api.js';
import type { ListSource, Page } from '../lib/page-cache.js';

export const isNoteHit = (hit: SearchHit): boolean => hit.kind === 'annotation';

/**
 * A list source over note hits (first) and article hits: `firstHits` and `total` are the first page's hits and
 * the engine's article count; `fetchArticles(offset, limit)` pages through article hits.
 */
export function withNoteHits(
  key: string,
  firstHits: readonly SearchHit[],
  total: number,
  pageSize: number,
  fetchArticles: (offset: number, limit: number) => Promise<Page<SearchHit>>,
): ListSource<SearchHit> & { notes: number } {
  const notes = firstHits.filter(isNoteHit);
  const articles = firstHits.filter((h) => !isNoteHit(h));
  const k = notes.length;
  return {
    key,
    notes: k,
    total: total + k,
    firstPage: [...notes, ...articles].slice(0, pageSize),
    async fetchPage(offset, limit) {
      const fromNotes = notes.slice(offset, offset + limit);
      const need = limit - fromNotes.length;
      if (need <= 0) return { total: total + k, items: fromNotes };
      const page = await fetchArticles(Math.max(0, offset - k), need);
      return { total: page.total + k, items: [...fromNotes, ...page.items.filter((h) => !isNoteHit(h))] };
    },
  };
}
