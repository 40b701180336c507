// The archive-wide view of the segments' vocabularies, computed on demand instead of at load time:
// document frequencies (global idf), average field lengths, term expansion for wildcards and fuzzy terms
// (what Lunr's `tokenSet.intersect` gives), and a term index that is the same in every segment. Together they
// make each segment score a document as one Lunr index over the whole archive would (segment-scorer.ts).
import type { SegmentReader } from './segment-reader.js';
import { stableHash } from './stable-hash.js';
import { automatonAccepts, structureKey, type TokenNode } from './term-dictionary.js';

const MEMO_LIMIT = 20_000;

/** Lunr's idf (lunr.idf) from a document frequency. */
export function lunrIdf(df: number, docCount: number): number {
  const x = (docCount - df + 0.5) / (df + 0.5);
  return Math.log(1 + Math.abs(x));
}

export class ArchiveTerms {
  readonly docCount: number;
  readonly avgFieldLength: number[];
  private idfMemo = new Map<string, number>();
  private expandMemo = new Map<string, string[]>();
  private hasMemo = new Map<string, boolean>();

  constructor(
    readonly segments: readonly SegmentReader[],
    readonly fieldCount: number,
  ) {
    let docCount = 0;
    const sums = new Array<number>(fieldCount).fill(0);
    for (const p of segments) {
      docCount += p.docCount;
      for (let i = 0; i < p.fieldLengths.length; i++) sums[i % fieldCount] += p.fieldLengths[i];
    }
    this.docCount = docCount;
    this.avgFieldLength = sums.map((s) => (docCount ? s / docCount : 0));
  }

  /** The same number for a term in every segment: Lunr's `_index`, ordering vector entries. */
  termIndex(term: string): number {
    return stableHash(term) >>> 1;
  }

  has(term: string): boolean {
    let v = this.hasMemo.get(term);
    if (v === undefined) {
      v = this.segments.some((p) => p.findTerm(term) >= 0);
      if (this.hasMemo.size > MEMO_LIMIT) this.hasMemo.clear();
      this.hasMemo.set(term, v);
    }
    return v;
  }

  /** Lunr's idf over the whole archive (document frequency counted once per field, as lunr.idf does). */
  idf(term: string): number {
    let v = this.idfMemo.get(term);
    if (v === undefined) {
      let df = 0;
      for (const p of this.segments) {
        const t = p.findTerm(term);
        if (t >= 0) df += p.documentFrequency(t);
      }
      v = lunrIdf(df, this.docCount);
      if (this.idfMemo.size > MEMO_LIMIT) this.idfMemo.clear();
      this.idfMemo.set(term, v);
    }
    return v;
  }

  /** The archive's terms that a query token set accepts (memoized: every segment asks the same). */
  matching(query: TokenNode): string[] {
    const key = structureKey(query);
    let found = this.expandMemo.get(key);
    if (!found) {
      found = this.expand(query);
      if (this.expandMemo.size > 500) this.expandMemo.clear();
      this.expandMemo.set(key, found);
    }
    return found;
  }

  private expand(query: TokenNode): string[] {
    let node = query;
    let prefix = '';
    for (;;) {
      const keys = Object.keys(node.edges);
      if (node.final || keys.length !== 1 || keys[0] === '*') break;
      prefix += keys[0];
      node = node.edges[keys[0]];
    }
    if (node.final && Object.keys(node.edges).length === 0) return this.has(prefix) ? [prefix] : [];
    const found = new Set<string>();
    for (const p of this.segments) {
      const from = p.lowerBound(prefix);
      const to = prefix ? p.lowerBound(prefix + '\uffff') : p.termCount;
      const all = to - from > 64 ? p.allTerms() : null;
      for (let i = from; i < to; i++) {
        const term = all ? all[i] : p.term(i);
        if (!found.has(term) && automatonAccepts(query, term)) found.add(term);
      }
    }
    return [...found].sort();
  }
}
