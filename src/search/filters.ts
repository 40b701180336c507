import type { ArticleMeta, Facets, Filters } from '../api.js';

export function yearOf(meta: ArticleMeta): number | undefined {
  const y = meta.date ? Number(meta.date.slice(0, 4)) : NaN;
  return Number.isInteger(y) ? y : undefined;
}

export interface MetaFilter {
  sources?: Set<string>;
  years?: Set<number>;
  after?: string;
  before?: string;
}

export function metaFilterOf(filters: Filters | undefined, after?: string, before?: string): MetaFilter {
  return {
    sources: filters?.source?.length ? new Set(filters.source) : undefined,
    years: filters?.year?.length ? new Set(filters.year) : undefined,
    after,
    before,
  };
}

/** Whether meta passes the filter; `ignore` leaves one facet's own filter out (for that facet's counts). */
export function passes(meta: ArticleMeta, f: MetaFilter, ignore?: 'source' | 'year'): boolean {
  if (f.sources && ignore !== 'source' && !f.sources.has(meta.source ?? '')) return false;
  if (f.years && ignore !== 'year') {
    const y = yearOf(meta);
    if (y === undefined || !f.years.has(y)) return false;
  }
  if (f.after && !(meta.date && meta.date.slice(0, 10) >= f.after)) return false;
  if (f.before && !(meta.date && meta.date.slice(0, 10) < f.before)) return false;
  return true;
}

/**
 * Counts by source and by year over `metas`; each facet applies every filter except its own, so the user
 * sees what choosing another source or year would give.
 */
export function facetsOf(metas: Iterable<ArticleMeta>, f: MetaFilter): Facets {
  const facets: Facets = { source: {}, year: {} };
  for (const meta of metas) {
    if (!passes(meta, f, 'source') && !passes(meta, f, 'year')) continue;
    if (meta.source && passes(meta, f, 'source')) facets.source[meta.source] = (facets.source[meta.source] ?? 0) + 1;
    const y = yearOf(meta);
    if (y !== undefined && passes(meta, f, 'year')) facets.year[y] = (facets.year[y] ?? 0) + 1;
  }
  return facets;
}
