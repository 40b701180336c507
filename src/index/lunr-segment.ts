// A real lunr.Index over one segment's flat postings. Lunr's query code reads `invertedIndex[term]`,
// `fieldVectors[fieldRef]` and `tokenSet.intersect(...)`; these are served on demand from typed arrays, so
// loading a segment creates no per-term or per-document objects. A document's field vector is built for the
// current query only — the weights of the query's terms, which is all Lunr's dot product reads — with BM25
// computed as lunr.Builder does, from archive-wide statistics (ArchiveTerms). Document refs are local doc
// numbers ("0", "1", …); the caller maps them to article ids.
import lunr from 'lunr';
import type { ArchiveTerms } from './archive-terms.js';
import type { SegmentReader } from './segment-reader.js';

const K1 = 1.2;
const B = 0.75;
const POSTING_CACHE = 48;
const NO_METADATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

export function createLunrIndex(
  p: SegmentReader,
  terms: ArchiveTerms,
  boosts: readonly number[],
  pipeline: lunr.Pipeline,
): lunr.Index {
  const F = p.fields.length;
  const fieldIndex = new Map(p.fields.map((f, i) => [f, i]));
  // The segment's terms looked up by the running query, ordered by term index: a document's vector holds
  // the weights of these terms only, computed when Lunr asks for it.
  let looked: { g: number; t: number; idf: number }[] = [];
  let seen = new Set<string>();

  // Frequent words come back query after query: their posting objects are kept in a small LRU.
  const recent = new Map<string, Record<string, unknown>>();
  const postingOf = (term: string) => {
    const t = p.findTerm(term);
    const g = terms.termIndex(term);
    if (t >= 0 && !seen.has(term)) {
      seen.add(term);
      looked.push({ g, t, idf: terms.idf(term) });
      looked.sort((a, b) => a.g - b.g);
    }
    let posting = recent.get(term);
    if (posting) {
      recent.delete(term);
      recent.set(term, posting);
      return posting;
    }
    posting = { _index: g };
    let size = 0;
    const list = t >= 0 ? p.postings(t) : null;
    for (let f = 0; f < F; f++) {
      const docs: Record<string, unknown> = {};
      if (list) for (let i = list.fieldStart[f]; i < list.fieldStart[f + 1]; i++) docs[list.docs[i]] = NO_METADATA;
      posting[p.fields[f]] = docs;
    }
    size = list ? list.docs.length : 0;
    if (size >= 64) {
      recent.set(term, posting);
      if (recent.size > POSTING_CACHE) recent.delete(recent.keys().next().value as string);
    }
    return posting;
  };

  const invertedIndex = new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_target, term) => (typeof term === 'string' && terms.has(term) ? postingOf(term) : undefined),
  });

  /** Term frequency of doc d in posting list (t, f), by binary search (postings are sorted by doc). */
  const tfOf = (t: number, f: number, d: number): number => {
    const list = p.postings(t);
    let lo = list.fieldStart[f];
    let hi = list.fieldStart[f + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = list.docs[mid];
      if (v === d) return list.tfs[mid];
      if (v < d) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  };

  const vectorOf = (key: string): lunr.Vector | undefined => {
    const slash = key.indexOf('/');
    const f = fieldIndex.get(key.slice(0, slash));
    const d = Number(key.slice(slash + 1));
    if (f === undefined || !Number.isInteger(d) || d < 0 || d >= p.docCount) return undefined;
    const elements: number[] = [];
    const len = p.fieldLengths[d * F + f];
    const norm = K1 * (1 - B + B * (len / (terms.avgFieldLength[f] || 1)));
    for (const { g, t, idf } of looked) {
      const tf = tfOf(t, f, d);
      if (!tf) continue;
      const score = ((idf * ((K1 + 1) * tf)) / (norm + tf)) * boosts[f];
      elements.push(g, Math.round(score * 1000) / 1000);
    }
    return new lunr.Vector(elements);
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
    looked = [];
    seen = new Set();
    try {
      return query(fn);
    } finally {
      looked = [];
      seen = new Set();
    }
  };
  return index;
}
