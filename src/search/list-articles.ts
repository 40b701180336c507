import type { ListRequest, ListResult } from '../api.js';
import type { LoadedArchive } from '../index/loaded-archive.js';
import { facetsOf, isFiltering, metaFilterOf, passes } from './filters.js';

/** The library view: all articles (filtered), sorted by date/title/source, one page, with facets. */
export function listArticles(archive: LoadedArchive, req: ListRequest): ListResult {
  const filter = metaFilterOf(req.filters, archive.names);
  const filtering = isFiltering(filter);
  const sort = req.sort ?? 'date';
  const descending = req.descending ?? sort === 'date';
  const order = archive.sortedBy(sort);
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 100;
  const items = [];
  let total = 0;
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const doc = order[descending ? n - 1 - k : k];
    if (filtering && !passes(archive, doc, filter)) continue;
    if (total >= offset && items.length < limit) items.push({ ...archive.meta(doc) });
    total++;
  }
  return { total, items, facets: facetsOf(archive, order, filter) };
}
