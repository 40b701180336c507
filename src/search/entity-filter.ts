import lunr from 'lunr';
import type { Filters } from '../api.js';
import type { LoadedArchive } from '../engine/loaded-archive.js';
import { entityFilterClauses, prepareQuery } from './prepare-query.js';

/** Doc numbers of the articles that mention every entity of filters.entity. */
export function runEntityFilter(archive: LoadedArchive, filters: Filters): Set<number> {
  const prepared = prepareQuery({ clauses: [], messages: [] }, archive.dictionary, entityFilterClauses(filters));
  const out = new Set<number>();
  if (!prepared.units.length) return out;
  for (const seg of archive.segments) {
    const results = seg.index.query((q) => {
      for (const u of prepared.units) {
        for (const term of u.terms) q.term(term, { fields: u.fields, presence: lunr.Query.presence.REQUIRED, usePipeline: false });
      }
    });
    for (const r of results) out.add(seg.base + Number(r.ref));
  }
  return out;
}
