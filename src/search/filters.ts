import type { Facets, Filters } from '../api.js';

/** What the source/year/date filters and facets read of an article, by doc number (no full metadata needed). */
export interface DocFacts {
  sourceOf(doc: number): string | undefined;
  dateOf(doc: number): string | undefined;
  /** The year of dateOf(doc). */
  yearOf(doc: number): number | undefined;
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

/** Whether article `doc` passes the filter; `ignore` leaves one facet's own filter out (for that facet's counts). */
export function passes(facts: DocFacts, doc: number, f: MetaFilter, ignore?: 'source' | 'year'): boolean {
  if (f.sources && ignore !== 'source' && !f.sources.has(facts.sourceOf(doc) ?? '')) return false;
  if (f.years && ignore !== 'year') {
    const y = facts.yearOf(doc);
    if (y === undefined || !f.years.has(y)) return false;
  }
  if (!f.after && !f.before) return true;
  const date = facts.dateOf(doc);
  if (f.after && !(date && date.slice(0, 10) >= f.after)) return false;
  if (f.before && !(date && date.slice(0, 10) < f.before)) return false;
  return true;
}

/**
 * Counts by source and by year over `docs`; each facet applies every filter except its own, so the user
 * sees what choosing another source or year would give.
 */
export function facetsOf(facts: DocFacts, docs: Iterable<number>, f: MetaFilter): Facets {
  const facets: Facets = { source: {}, year: {} };
  const sources = new Map<string, number>();
  const years = new Map<number, number>();
  const filtering = Boolean(f.sources || f.years || f.after || f.before);
  for (const doc of docs) {
    const forSource = !filtering || passes(facts, doc, f, 'source');
    const forYear = !filtering || passes(facts, doc, f, 'year');
    const source = forSource ? facts.sourceOf(doc) : undefined;
    if (source) sources.set(source, (sources.get(source) ?? 0) + 1);
    const y = forYear ? facts.yearOf(doc) : undefined;
    if (y !== undefined) years.set(y, (years.get(y) ?? 0) + 1);
  }
  for (const [source, n] of sources) facets.source[source] = n;
  for (const [y, n] of [...years].sort((a, b) => a[0] - b[0])) facets.year[y] = n;
  return facets;
}
