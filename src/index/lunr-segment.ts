// A real lunr.Index over one segment's flat postings. Lunr's query code reads `invertedIndex[term]`,
// `fieldVectors[fieldRef]` and `tokenSet.intersect(...)`; these are served on demand from typed arrays, so
// loading costs one pass over the postings instead of millions of small objects. Term expansion and term
// indices use the archive-wide dictionary (see global-stats.ts). Document refs are local
// doc numbers ("0", "1", …); the caller maps them to article ids.
import lunr from 'lunr';
import { lunrIdf, type GlobalStats } from './global-stats.js';
import type { SegmentPostings } from './segment-postings.js';
import { indexOfTerm, TermDictionary } from './term-dictionary.js';

const K1 = 1.2;
const B = 0.75;
const NO_METADATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

export interface SegmentVectors {
  /** Interleaved [termIndex, score, …] of every (doc, field), sorted by termIndex. */
  elements: Float32Array;
  /** Vector of (doc, field) is elements[2*start[d*F+f] .. 2*start[d*F+f+1]). */
  start: Uint32Array;
}

/** BM25 weights exactly as lunr.Builder computes them, but from corpus-wide statistics. */
export function computeVectors(
  p: SegmentPostings,
  stats: GlobalStats,
  segment: number,
  boosts: readonly number[],
): SegmentVectors {
  const toGlobal = stats.localToGlobal[segment];
  const F = p.fields.length;
  const slots = p.docCount * F;
  const start = new Uint32Array(slots + 1);
  for (let t = 0; t < p.terms.length; t++) {
    for (let f = 0; f < F; f++) {
      for (let i = p.postingStart[t * F + f]; i < p.postingStart[t * F + f + 1]; i++) start[p.postDocs[i] * F + f + 1]++;
    }
  }
  for (let s = 0; s < slots; s++) start[s + 1] += start[s];
  const fill = start.slice(0, slots);
  const elements = new Float32Array(start[slots] * 2);
  for (let t = 0; t < p.terms.length; t++) {
    const g = toGlobal[t];
    const idf = lunrIdf(stats.df[g], stats.docCount);
    for (let f = 0; f < F; f++) {
      const avg = stats.avgFieldLength[f] || 1;
      for (let i = p.postingStart[t * F + f]; i < p.postingStart[t * F + f + 1]; i++) {
        const d = p.postDocs[i];
        const tf = p.postTf[i];
        const len = p.fieldLengths[d * F + f];
        const score = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avg)) + tf)) * boosts[f];
        const at = fill[d * F + f]++;
        elements[at * 2] = g;
        elements[at * 2 + 1] = Math.round(score * 1000) / 1000;
      }
    }
  }
  return { elements, start };
}

export function createLunrIndex(
  p: SegmentPostings,
  vectors: SegmentVectors,
  dictionary: TermDictionary,
  pipeline: lunr.Pipeline,
): lunr.Index {
  const F = p.fields.length;
  const fieldIndex = new Map(p.fields.map((f, i) => [f, i]));

  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get(_target, term) {
      if (typeof term !== 'string') return undefined;
      const g = indexOfTerm(dictionary.terms, term);
      if (g < 0) return undefined;
      const t = indexOfTerm(p.terms, term);
      const posting: Record<string, unknown> = { _index: g };
      for (let f = 0; f < F; f++) {
        const docs: Record<string, unknown> = {};
        if (t >= 0) {
          for (let i = p.postingStart[t * F + f]; i < p.postingStart[t * F + f + 1]; i++) docs[p.postDocs[i]] = NO_METADATA;
        }
        posting[p.fields[f]] = docs;
      }
      return posting;
    },
  });

  const vectorOf = (key: string): lunr.Vector | undefined => {
    const slash = key.indexOf('/');
    const f = fieldIndex.get(key.slice(0, slash));
    const d = Number(key.slice(slash + 1));
    if (f === undefined || !Number.isInteger(d) || d < 0 || d >= p.docCount) return undefined;
    const s = d * F + f;
    return new lunr.Vector(vectors.elements.subarray(vectors.start[s] * 2, vectors.start[s + 1] * 2) as unknown as number[]);
  };
  const allFieldRefs = (): string[] => {
    const keys: string[] = [];
    for (let d = 0; d < p.docCount; d++) for (const f of p.fields) keys.push(`${f}/${d}`);
    return keys;
  };
  const fieldVectors = new Proxy(Object.create(null) as Record<string, lunr.Vector>, {
    get: (_t, key) => (typeof key === 'string' ? vectorOf(key) : undefined),
    ownKeys: () => allFieldRefs(),
    getOwnPropertyDescriptor: (_t, key) =>
      typeof key === 'string' && vectorOf(key)
        ? { value: vectorOf(key), enumerable: true, configurable: true, writable: false }
        : undefined,
  });

  // @types/lunr names the vectors `documentVectors`; lunr 2.3.9 reads `fieldVectors`.
  const attrs = {
    invertedIndex,
    fieldVectors,
    tokenSet: dictionary as unknown as lunr.TokenSet,
    fields: [...p.fields],
    pipeline,
  };
  return new lunr.Index(attrs as unknown as lunr.Index.Attributes);
}
