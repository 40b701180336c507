// Filters (source, year, people, places, organisations, date range) and the facets counted over a result set.
// A filter only ever narrows: an article passes when, in every dimension that has choices, it has one of them
// (ticked names of one type are alternatives; different dimensions must all hold).
import type { EntityCount, EntityType, Facets, Filters } from '../api.js';
import { NAME_TYPES, type NameType } from '../index/archive-names.js';

/** What filters and facets read of an article, by doc number (no full metadata needed). */
export interface DocFacts {
  sourceOf(doc: number): string | undefined;
  dateOf(doc: number): string | undefined;
  /** The year of dateOf(doc). */
  yearOf(doc: number): number | undefined;
  /** Ids of the names the article mentions (see ArchiveNames). */
  namesOf(doc: number): ArrayLike<number>;
  names: NameLookup;
}

export interface NameLookup {
  /** Ids are 0 … size - 1. */
  readonly size: number;
  idOf(type: EntityType, text: string): number | undefined;
  typeOf(id: number): NameType;
  textOf(id: number): string;
}

/** The most names of each type a result's facets list (the most frequent; ticked ones are always listed). */
export const NAME_FACET_LIMIT = 200;

export type FacetDimension = 'source' | 'year' | NameType;
const DIMENSIONS: readonly FacetDimension[] = ['source', 'year', ...NAME_TYPES];
const BIT = Object.fromEntries(DIMENSIONS.map((d, i) => [d, 1 << i])) as Record<FacetDimension, number>;
const DATE_RANGE = 1 << DIMENSIONS.length;

export interface MetaFilter {
  sources?: Set<string>;
  years?: Set<number>;
  /** Ticked names by type (ids; a ticked name no article has is left out, and then nothing passes that type). */
  names?: Map<NameType, Set<number>>;
  after?: string;
  before?: string;
}

export function metaFilterOf(filters: Filters | undefined, names: NameLookup, after?: string, before?: string): MetaFilter {
  const f: MetaFilter = {
    sources: filters?.source?.length ? new Set(filters.source) : undefined,
    years: filters?.year?.length ? new Set(filters.year) : undefined,
    after,
    before,
  };
  for (const spec of filters?.entity ?? []) {
    const colon = spec.indexOf(':');
    const type = spec.slice(0, colon) as NameType;
    if (colon <= 0 || !NAME_TYPES.includes(type)) continue;
    f.names ??= new Map();
    if (!f.names.has(type)) f.names.set(type, new Set());
    const id = names.idOf(type, spec.slice(colon + 1).trim());
    if (id !== undefined) f.names.get(type)!.add(id);
  }
  return f;
}

export function isFiltering(f: MetaFilter): boolean {
  return Boolean(f.sources || f.years || f.names || f.after || f.before);
}

/** The dimensions article `doc` fails (bits of BIT, DATE_RANGE for the date range); 0 when it passes. */
function failures(facts: DocFacts, doc: number, f: MetaFilter): number {
  let failed = 0;
  if (f.sources && !f.sources.has(facts.sourceOf(doc) ?? '')) failed |= BIT.source;
  if (f.years) {
    const y = facts.yearOf(doc);
    if (y === undefined || !f.years.has(y)) failed |= BIT.year;
  }
  if (f.names) {
    const ids = facts.namesOf(doc);
    for (const [type, ticked] of f.names) {
      let has = false;
      for (let i = 0; i < ids.length && !has; i++) has = ticked.has(ids[i]);
      if (!has) failed |= BIT[type];
    }
  }
  if (f.after || f.before) {
    const date = facts.dateOf(doc)?.slice(0, 10);
    if ((f.after && !(date && date >= f.after)) || (f.before && !(date && date < f.before))) failed |= DATE_RANGE;
  }
  return failed;
}

/** Whether article `doc` passes every filter. */
export function passes(facts: DocFacts, doc: number, f: MetaFilter): boolean {
  return failures(facts, doc, f) === 0;
}

/** Whether article `doc` can count in a facet: it fails at most one facet dimension (and not the date range). */
export function mayCount(facts: DocFacts, doc: number, f: MetaFilter): boolean {
  const failed = failures(facts, doc, f);
  return (failed & (failed - 1)) === 0 && failed !== DATE_RANGE;
}

export function emptyFacets(): Facets {
  return { source: {}, year: {}, names: [] };
}

/**
 * Counts by source, year and name over `docs` (the result before filters), each dimension counted with every
 * filter applied except its own, so the user sees what ticking one more choice of that dimension would add.
 */
export function facetsOf(facts: DocFacts, docs: Iterable<number>, f: MetaFilter): Facets {
  const sources = new Map<string, number>();
  const years = new Map<number, number>();
  const lookup = facts.names;
  const names = new Uint32Array(lookup.size);
  const filtering = isFiltering(f);
  for (const doc of docs) {
    const failed = filtering ? failures(facts, doc, f) : 0;
    if ((failed & (failed - 1)) !== 0) continue;
    // Counted in a dimension when it fails no other.
    if ((failed & ~BIT.source) === 0) {
      const source = facts.sourceOf(doc);
      if (source) sources.set(source, (sources.get(source) ?? 0) + 1);
    }
    if ((failed & ~BIT.year) === 0) {
      const y = facts.yearOf(doc);
      if (y !== undefined) years.set(y, (years.get(y) ?? 0) + 1);
    }
    const ids = facts.namesOf(doc);
    if (failed === 0) for (let i = 0; i < ids.length; i++) names[ids[i]]++;
    else for (let i = 0; i < ids.length; i++) if (BIT[lookup.typeOf(ids[i])] === failed) names[ids[i]]++;
  }
  const facets: Facets = { source: {}, year: {}, names: nameFacets(lookup, names, f) };
  for (const [source, n] of sources) facets.source[source] = n;
  for (const [y, n] of [...years].sort((a, b) => a[0] - b[0])) facets.year[y] = n;
  return facets;
}

/** The most frequent names of each type (NAME_FACET_LIMIT), plus the ticked ones, most frequent first. */
function nameFacets(lookup: NameLookup, counts: Uint32Array, f: MetaFilter): EntityCount[] {
  const ticked = new Set<number>();
  for (const ids of f.names?.values() ?? []) for (const id of ids) ticked.add(id);
  const counted: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id] > 0 || ticked.has(id)) counted.push(id);
  counted.sort((a, b) => counts[b] - counts[a] || a - b);
  const listed = new Map<NameType, number>();
  const out: EntityCount[] = [];
  for (const id of counted) {
    const type = lookup.typeOf(id);
    const n = listed.get(type) ?? 0;
    if (n >= NAME_FACET_LIMIT && !ticked.has(id)) continue;
    listed.set(type, n + 1);
    out.push({ type, text: lookup.textOf(id), count: counts[id] });
  }
  return out;
}
