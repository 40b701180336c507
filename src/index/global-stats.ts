// Corpus-wide statistics over all segments. Every segment's Lunr index uses the global vocabulary for term
// expansion and term indices, plus global idf and average field lengths, so a query builds the same query
// vector in every segment and a document scores exactly as it would in one Lunr index over the archive.
import type { SegmentPostings } from './segment-postings.js';

export interface GlobalStats {
  docCount: number;
  avgFieldLength: number[];
  /** Union of all segments' terms, sorted. */
  vocabulary: string[];
  /** Lunr's document frequency of vocabulary[i]: documents containing it, counted once per field. */
  df: Uint32Array;
  /** Per segment: local term index → vocabulary index. */
  localToGlobal: Uint32Array[];
}

export function computeGlobalStats(segments: readonly SegmentPostings[], fieldCount: number): GlobalStats {
  let docCount = 0;
  const lengthSum = new Array<number>(fieldCount).fill(0);
  for (const p of segments) {
    docCount += p.docCount;
    for (let i = 0; i < p.fieldLengths.length; i++) lengthSum[i % fieldCount] += p.fieldLengths[i];
  }
  const vocabulary: string[] = [];
  const dfList: number[] = [];
  const localToGlobal = segments.map((p) => new Uint32Array(p.terms.length));
  const pos = segments.map(() => 0);
  for (;;) {
    let min: string | undefined;
    for (let s = 0; s < segments.length; s++) {
      const t = segments[s].terms[pos[s]];
      if (t !== undefined && (min === undefined || t < min)) min = t;
    }
    if (min === undefined) break;
    const g = vocabulary.length;
    vocabulary.push(min);
    let df = 0;
    for (let s = 0; s < segments.length; s++) {
      const p = segments[s];
      const t = pos[s];
      if (p.terms[t] !== min) continue;
      df += p.postingStart[(t + 1) * fieldCount] - p.postingStart[t * fieldCount];
      localToGlobal[s][t] = g;
      pos[s]++;
    }
    dfList.push(df);
  }
  return {
    docCount,
    avgFieldLength: lengthSum.map((s) => (docCount ? s / docCount : 0)),
    vocabulary,
    df: Uint32Array.from(dfList),
    localToGlobal,
  };
}

/** Lunr's idf (lunr.idf) from a document frequency. */
export function lunrIdf(df: number, docCount: number): number {
  const x = (docCount - df + 0.5) / (df + 0.5);
  return Math.log(1 + Math.abs(x));
}
