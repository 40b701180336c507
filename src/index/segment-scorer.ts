// Answers a query over one segment straight from its postings, computing what lunr.Index#query (2.3.9) computes
// — the same clause semantics (required, prohibited, optional), the same query vectors, Lunr's BM25 field weights
// (k1 1.2, b 0.75, rounded to 3 decimals) from archive-wide statistics, and the same order of floating-point sums —
// without Lunr's per-query objects (posting maps, MatchData, field vectors, sets of refs).
import type { ArchiveTerms } from './archive-terms.js';
import { BM25_B as B, BM25_K1 as K1, WEIGHT_DECIMALS } from './ranking.js';
import type { SegmentReader } from './segment-reader.js';

const ROUNDING = 10 ** WEIGHT_DECIMALS;

export type ClausePresence = 'should' | 'must' | 'not';

export interface ScoreClause {
  /** The fields the clause searches (names of the segment's fields). */
  fields: readonly string[];
  presence: ClausePresence;
  boost: number;
  /** The archive's terms the clause's term stands for (Lunr's `tokenSet.intersect`), sorted. */
  expansion: readonly string[];
}

/**
 * The documents a query matches in one segment, in Lunr's result order before sorting: local doc numbers,
 * scores, and per document a bitset (`words` 32-bit words) of the matched terms (Lunr's matchData terms) by
 * their number in `termIds`.
 */
export interface SegmentHits {
  docs: number[];
  scores: number[];
  words: number;
  termBits: Uint32Array;
}

/** Numbers for the expanded terms of a query's non-prohibited clauses (the bits of SegmentHits.termBits). */
export function numberTerms(clauses: readonly ScoreClause[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const c of clauses) if (c.presence !== 'not') for (const t of c.expansion) if (!ids.has(t)) ids.set(t, ids.size);
  return ids;
}

/** The terms of hit i. */
export function hitTerms(hits: SegmentHits, i: number, termIds: Map<string, number>): string[] {
  return [...termIds.keys()].filter((t) => hasTermBit(hits, i, termIds.get(t)!));
}

export function hasTermBit(hits: SegmentHits, i: number, id: number): boolean {
  return (hits.termBits[i * hits.words + (id >>> 5)] & (1 << (id & 31))) !== 0;
}

interface Scratch {
  /** Per (doc, field): order of first match, or -1. */
  firstSeen: Int32Array;
  /** Per (doc, field): dot product so far. */
  dot: Float64Array;
  /** Per doc: position in the hits, or -1. */
  slot: Int32Array;
}

/** Buffers by segment shape, kept between queries (scoring is synchronous) and cleared after each use. */
const scratchByShape = new Map<string, Scratch>();
function scratchFor(docs: number, fields: number): Scratch {
  const key = `${docs}/${fields}`;
  let s = scratchByShape.get(key);
  if (!s) {
    if (scratchByShape.size > 64) scratchByShape.clear();
    const size = docs * fields;
    s = { firstSeen: new Int32Array(size).fill(-1), dot: new Float64Array(size), slot: new Int32Array(docs).fill(-1) };
    scratchByShape.set(key, s);
  }
  return s;
}

/** A set of local doc numbers, or every document. */
type DocSet = Uint8Array | 'all';

function intersect(a: DocSet, b: DocSet): DocSet {
  if (a === 'all') return b;
  if (b === 'all') return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}

interface Looked {
  term: string;
  id: number;
  /** Lunr's `_index` of the term: orders vector entries. */
  index: number;
  /** Position in the segment, or -1. */
  t: number;
}

/** What every step of scoreSegment reads: the segment, the archive's statistics, and term lookups. */
interface Scoring {
  reader: SegmentReader;
  archive: ArchiveTerms;
  /** Fields (F) and documents (N) of the segment. */
  F: number;
  N: number;
  look: (term: string) => Looked;
  docsOf: (l: Looked, f: number) => Uint32Array | null;
}

/** The clauses read per field: documents required and prohibited, the query vectors, the matching pairs. */
interface CollectedClauses {
  required: (DocSet | undefined)[];
  prohibited: (Uint8Array | undefined)[];
  /** Query vector per field: term → summed clause boosts. */
  queryWeights: Map<string, { weight: number; looked: Looked }>[];
  /** (term, field) pairs whose documents match, in Lunr's order of first appearance. */
  pairs: { looked: Looked; f: number }[];
  /** Every clause is a `not` clause (Lunr's negated query). */
  allProhibited: boolean;
}

function collectClauses(sc: Scoring, clauses: readonly ScoreClause[]): CollectedClauses {
  const { F, N, look, docsOf } = sc;
  const fieldNumber = new Map(sc.reader.fields.map((f, i) => [f, i]));
  const required: (DocSet | undefined)[] = new Array(F);
  const prohibited: (Uint8Array | undefined)[] = new Array(F);
  const queryWeights: Map<string, { weight: number; looked: Looked }>[] = Array.from({ length: F }, () => new Map());
  const pairs: { looked: Looked; f: number }[] = [];
  const seenPair = new Set<string>();
  let allProhibited = true;
  for (const clause of clauses) {
    const fields = clause.fields.map((name) => fieldNumber.get(name)).filter((f): f is number => f !== undefined);
    if (clause.presence !== 'not') allProhibited = false;
    if (clause.expansion.length === 0 && clause.presence === 'must') {
      for (const f of fields) required[f] = new Uint8Array(N);
      continue;
    }
    const clauseMatches = clause.presence === 'must' ? new Uint8Array(N) : null;
    for (const term of clause.expansion) {
      const l = look(term);
      for (const f of fields) {
        const docs = docsOf(l, f);
        if (clauseMatches) {
          if (docs) for (let i = 0; i < docs.length; i++) clauseMatches[docs[i]] = 1;
          required[f] ??= 'all';
        }
        if (clause.presence === 'not') {
          const set = (prohibited[f] ??= new Uint8Array(N));
          if (docs) for (let i = 0; i < docs.length; i++) set[docs[i]] = 1;
          continue;
        }
        const q = queryWeights[f].get(term);
        if (q) q.weight += clause.boost;
        else queryWeights[f].set(term, { weight: clause.boost, looked: l });
        const key = `${term}/${f}`;
        if (seenPair.has(key)) continue;
        seenPair.add(key);
        pairs.push({ looked: l, f });
      }
    }
    if (clauseMatches) for (const f of fields) required[f] = intersect(required[f] ?? 'all', clauseMatches);
  }
  return { required, prohibited, queryWeights, pairs, allProhibited };
}

/** Whether a document passes every field's required clauses and no prohibited one. */
function documentFilter(sc: Scoring, { required, prohibited }: CollectedClauses): (d: number) => boolean {
  let allRequired: DocSet = 'all';
  const excluded = new Uint8Array(sc.N);
  for (let f = 0; f < sc.F; f++) {
    if (required[f]) allRequired = intersect(allRequired, required[f]!);
    const p = prohibited[f];
    if (p) for (let d = 0; d < sc.N; d++) excluded[d] |= p[d];
  }
  return (d) => (allRequired === 'all' || allRequired[d] === 1) && excluded[d] === 0;
}

/**
 * The documents that match, in order of first appearance, into hits.docs, with each one's matched terms into
 * hits.termBits; firstSeen gets the order in which each (doc, field) first matched.
 */
function matchDocuments(sc: Scoring, pairs: CollectedClauses['pairs'], passes: (d: number) => boolean, hits: SegmentHits, scratch: Scratch): void {
  const { F } = sc;
  const { firstSeen, slot } = scratch;
  const W = hits.words;
  const docOrder = hits.docs;
  const bits: number[] = [];
  let seq = 0;
  for (const { looked, f } of pairs) {
    const docs = sc.docsOf(looked, f);
    if (!docs) continue;
    const word = looked.id >>> 5;
    const bit = 1 << (looked.id & 31);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      if (!passes(d)) continue;
      if (firstSeen[d * F + f] < 0) firstSeen[d * F + f] = seq++;
      let k = slot[d];
      if (k < 0) {
        k = docOrder.length;
        slot[d] = k;
        docOrder.push(d);
        for (let w = 0; w < W; w++) bits.push(0);
      }
      bits[k * W + word] |= bit;
    }
  }
  hits.termBits = Uint32Array.from(bits);
}

/**
 * Dot products of the query vector with each document's field vector into scratch.dot, in term-index order as
 * lunr.Vector#dot; returns the query vector's magnitude per field.
 */
function dotProducts(sc: Scoring, boosts: readonly number[], queryWeights: CollectedClauses['queryWeights'], passes: (d: number) => boolean, dot: Float64Array): Float64Array {
  const { reader, archive, F } = sc;
  const magnitude = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    const entries = [...queryWeights[f].values()].sort((a, b) => a.looked.index - b.looked.index || (a.looked.term < b.looked.term ? -1 : 1));
    let sumOfSquares = 0;
    for (const { weight } of entries) sumOfSquares += weight * weight;
    magnitude[f] = Math.sqrt(sumOfSquares);
    const avg = archive.avgFieldLength[f] || 1;
    for (const { weight, looked } of entries) {
      if (looked.t < 0) continue;
      const idf = archive.idf(looked.term);
      const p = reader.postings(looked.t);
      for (let i = p.fieldStart[f]; i < p.fieldStart[f + 1]; i++) {
        const d = p.docs[i];
        if (!passes(d)) continue;
        const tf = p.tfs[i];
        const norm = K1 * (1 - B + B * (reader.fieldLengths[d * F + f] / avg));
        const w = Math.round(((idf * ((K1 + 1) * tf)) / (norm + tf)) * boosts[f] * ROUNDING) / ROUNDING;
        dot[d * F + f] += weight * w;
      }
    }
  }
  return magnitude;
}

/** Each document's score, its fields' similarities summed in the order its fields first matched; resets scratch. */
function sumScores(F: number, hits: SegmentHits, magnitude: Float64Array, scratch: Scratch): void {
  const { firstSeen, dot, slot } = scratch;
  const order: number[] = [];
  for (const d of hits.docs) {
    order.length = 0;
    for (let f = 0; f < F; f++) if (firstSeen[d * F + f] >= 0) order.push(f);
    if (order.length > 1) order.sort((a, b) => firstSeen[d * F + a] - firstSeen[d * F + b]);
    let score = 0;
    for (let k = 0; k < order.length; k++) {
      const s = dot[d * F + order[k]] / magnitude[order[k]] || 0;
      score = k === 0 ? s : score + s;
    }
    hits.scores.push(score);
    slot[d] = -1;
    for (let f = 0; f < F; f++) {
      firstSeen[d * F + f] = -1;
      dot[d * F + f] = 0;
    }
  }
}

export function scoreSegment(
  reader: SegmentReader,
  archive: ArchiveTerms,
  boosts: readonly number[],
  clauses: readonly ScoreClause[],
  termIds: Map<string, number> = numberTerms(clauses),
): SegmentHits {
  const lookups = new Map<string, Looked>();
  const sc: Scoring = {
    reader,
    archive,
    F: reader.fields.length,
    N: reader.docCount,
    look: (term) => {
      let l = lookups.get(term);
      if (!l) lookups.set(term, (l = { term, id: termIds.get(term) ?? -1, index: archive.termIndex(term), t: reader.findTerm(term) }));
      return l;
    },
    docsOf: (l, f) => {
      if (l.t < 0) return null;
      const p = reader.postings(l.t);
      return p.docs.subarray(p.fieldStart[f], p.fieldStart[f + 1]);
    },
  };
  const collected = collectClauses(sc, clauses);
  const passes = documentFilter(sc, collected);
  const W = Math.max(1, Math.ceil(termIds.size / 32));
  const hits: SegmentHits = { docs: [], scores: [], words: W, termBits: new Uint32Array(0) };
  if (clauses.length && collected.allProhibited) {
    // Lunr's negated query: every document not excluded, with score 0.
    for (let d = 0; d < sc.N; d++) if (passes(d)) hits.docs.push(d);
    hits.scores = hits.docs.map(() => 0);
    hits.termBits = new Uint32Array(hits.docs.length * W);
    return hits;
  }
  const scratch = scratchFor(sc.N, sc.F);
  matchDocuments(sc, collected.pairs, passes, hits, scratch);
  const magnitude = dotProducts(sc, boosts, collected.queryWeights, passes, scratch.dot);
  sumScores(sc.F, hits, magnitude, scratch);
  return hits;
}
