import type { Filters } from '../api.js';
import type { LoadedArchive } from '../index/loaded-archive.js';
import { FIELD_BOOSTS } from '../index/ranking.js';
import { scoreSegment } from '../index/segment-scorer.js';
import { entityFilterClauses, prepareQuery } from './prepare-query.js';

/** Doc numbers of the articles that mention every entity of filters.entity. */
export function runEntityFilter(archive: LoadedArchive, filters: Filters): Set<number> {
  const prepared = prepareQuery({ clauses: [], messages: [] }, archive.dictionary, entityFilterClauses(filters));
  const out = new Set<number>();
  if (!prepared.units.length) return out;
  const clauses = prepared.units.flatMap((u) =>
    u.termExpansions.map((expansion) => ({ fields: u.fields, presence: 'must' as const, boost: 1, expansion })),
  );
  for (const seg of archive.segments) {
    for (const doc of scoreSegment(seg.reader, archive.dictionary, FIELD_BOOSTS, clauses).docs) out.add(seg.base + doc);
  }
  return out;
}
