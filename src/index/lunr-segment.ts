// A real lunr.Index over one segment's flat postings. Lunr's query code reads `invertedIndex[term]`,
// `fieldVectors[fieldRef]` and `tokenSet.intersect(...)`; these are served on demand from typed arrays, so
// loading a segment creates no per-term or per-document objects. A document's field vector is built for the
// current query only — the weights of the query's terms, which is all Lunr's dot product reads — with BM25
// computed as lunr.Builder does, from archive-wide statistics (ArchiveTerms). Document refs are local doc
// numbers ("0", "1", …); the caller maps them to article ids.
import lunr from 'lunr';
import type { ArchiveTerms } from './archive-terms.js';
import type { SegmentPostings } from './segment-postings.js';
import { indexOfTerm } from './term-dictionary.js';

const K1 = 1.2;
const B = 0.75;
const NO_METADATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

export function createLunrIndex(
  p: SegmentPostings,
  terms: ArchiveTerms,
  boosts: readonly number[],
  pipeline: lunr.Pipeline,
): lunr.Index {
  const F = p.fields.length;
  const fieldIndex = new Map(p.fields.map((f, i) => [f, i]));
  // (doc * F + field) → [termIndex, weight, …] of the terms looked up by the running query.
  let weights = new Map<number, number[]>();
  let seen = new Set<string>();

  const postingOf = (term: string) => {
    const t = indexOfTerm(p.terms, term);
    const g = terms.termIndex(term);
    const posting: Record<string, unknown> = { _index: g };
    const firstLookup = !seen.has(term);
    seen.add(term);
    const idf = t >= 0 && firstLookup ? terms.idf(term) : 0;
    for (let f = 0; f < F; f++) {
      const docs: Record<string, unknown> = {};
      if (t >= 0) {
        const avg = terms.avgFieldLength[f] || 1;
        for (let i = p.postingStart[t * F + f]; i < p.postingStart[t * F + f + 1]; i++) {
          const d = p.postDocs[i];
          docs[d] = NO_METADATA;
          if (!firstLookup) continue;
          const tf = p.postTf[i];
          const len = p.fieldLengths[d * F + f];
          const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avg)) + tf)) * boosts[f];
          const slot = d * F + f;
          let w = weights.get(slot);
          if (!w) weights.set(slot, (w = []));
          w.push(g, Math.round(score * 1000) / 1000);
        }
      }
      posting[p.fields[f]] = docs;
    }
    return posting;
  };

  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_target, term) => (typeof term === 'string' && terms.has(term) ? postingOf(term) : undefined),
  });

  const vectorOf = (key: string): lunr.Vector | undefined => {
    const slash = key.indexOf('/');
    const f = fieldIndex.get(key.slice(0, slash));
    const d = Number(key.slice(slash + 1));
    if (f === undefined || !Number.isInteger(d) || d < 0 || d >= p.docCount) return undefined;
    const w = weights.get(d * F + f) ?? [];
    if (w.length > 2) {
      const pairs: [number, number][] = [];
      for (let i = 0; i < w.length; i += 2) pairs.push([w[i], w[i + 1]]);
      pairs.sort((a, b) => a[0] - b[0]);
      return new lunr.Vector(pairs.flat());
    }
    return new lunr.Vector(w);
  };
  const fieldVectors = new Proxy(Object.create(null) as Record<string, lunr.Vector>, {
    get: (_t, key) => (typeof key === 'string' ? vectorOf(key) : undefined),
    ownKeys: () => {
      const keys: string[] = [];
      for (let d = 0; d < p.docCount; d++) for (const f of p.fields) keys.push(`${f}/${d}`);
      return keys;
    },
    getOwnPropertyDescriptor: (_t, key) =>
      typeof key === 'string' && vectorOf(key)
        ? { value: vectorOf(key), enumerable: true, configurable: true, writable: false }
        : undefined,
  });

  // @types/lunr names the vectors `documentVectors`; lunr 2.3.9 reads `fieldVectors`.
  const attrs = { invertedIndex, fieldVectors, tokenSet: terms as unknown as lunr.TokenSet, fields: [...p.fields], pipeline };
  const index = new lunr.Index(attrs as unknown as lunr.Index.Attributes);
  const query = index.query.bind(index);
  index.query = (fn) => {
    weights = new Map();
    seen = new Set();
    try {
      return query(fn);
    } finally {
      weights = new Map();
      seen = new Set();
    }
  };
  return index;
}
