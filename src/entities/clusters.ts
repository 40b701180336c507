import { SortedKeys } from './sorted-keys.js';

// Word clusters learned from unlabeled text: words that occur between the same neighbours share a
// cluster, so the tagger can treat a name it never saw in training like the names it did see.

/** A word's cluster as `fine | coarse << 16`, or -1 for a word the clusters do not know. */
export type ClusterLookup = (word: string) => number;

export interface ClusterTable {
  keys: Uint32Array; // sorted word hashes
  ids: Uint32Array;
}

export function clusterLookup(table: ClusterTable, hashWord: (w: string) => number): ClusterLookup {
  const { ids } = table;
  const keys = new SortedKeys(table.keys);
  return (word) => {
    const at = keys.indexOf(hashWord(word));
    return at < 0 ? -1 : ids[at];
  };
}

interface SparseVector {
  dims: Int32Array;
  vals: Float64Array;
}

/**
 * Spherical k-means over left/right-neighbour count vectors of every word seen `minCount` times, then
 * k-means again over the fine centroids for coarse groups. Deterministic for a given `random`.
 */
export function learnClusters(
  sentences: Iterable<string[]>,
  opts: { minCount: number; contextWords: number; fine: number; coarse: number; iterations: number; random: () => number },
): Map<string, number> {
  const counts = new Map<string, number>();
  const all: string[][] = [];
  for (const s of sentences) {
    all.push(s);
    for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const byFreq = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const contextIndex = new Map(byFreq.slice(0, opts.contextWords).map(([w], i) => [w, i]));
  const vocab = byFreq.filter(([, n]) => n >= opts.minCount).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const C = opts.contextWords;
  const ctx: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of all) {
    for (let i = 0; i < s.length; i++) {
      const v = vocabIndex.get(s[i]);
      if (v === undefined) continue;
      const left = contextIndex.get(i > 0 ? s[i - 1] : '<s>');
      const right = contextIndex.get(i + 1 < s.length ? s[i + 1] : '</s>');
      const m = ctx[v];
      const l = left === undefined ? C * 2 : left;
      const r = right === undefined ? C * 2 + 1 : C + right;
      m.set(l, (m.get(l) ?? 0) + 1);
      m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  const D = C * 2 + 2;
  const vectors: SparseVector[] = ctx.map((m) => {
    const dims = Int32Array.from([...m.keys()].sort((a, b) => a - b));
    const vals = Float64Array.from(dims, (d) => Math.log1p(m.get(d)!));
    let norm = 0;
    for (const x of vals) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vals.length; i++) vals[i] /= norm;
    return { dims, vals };
  });
  const fine = kmeansSparse(vectors, D, opts.fine, opts.iterations, opts.random);
  const coarse = kmeansDense(fine.centroids, D, opts.coarse, opts.iterations, opts.random);
  const out = new Map<string, number>();
  vocab.forEach((w, i) => out.set(w, fine.assignment[i] | (coarse[fine.assignment[i]] << 16)));
  return out;
}

function normalizeRows(c: Float64Array, k: number, D: number) {
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let d = 0; d < D; d++) norm += c[j * D + d] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) c[j * D + d] /= norm;
  }
}

function kmeansSparse(vectors: SparseVector[], D: number, k: number, iterations: number, random: () => number) {
  const centroids = new Float64Array(k * D);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, vectors.length)) chosen.add(Math.floor(random() * vectors.length));
  [...chosen].forEach((v, j) => {
    const { dims, vals } = vectors[v];
    for (let i = 0; i < dims.length; i++) centroids[j * D + dims[i]] = vals[i];
  });
  const assignment = new Int32Array(vectors.length);
  for (let it = 0; it < iterations; it++) {
    for (let v = 0; v < vectors.length; v++) {
      const { dims, vals } = vectors[v];
      let best = -Infinity;
      let arg = 0;
      for (let j = 0; j < k; j++) {
        const base = j * D;
        let dot = 0;
        for (let i = 0; i < dims.length; i++) dot += vals[i] * centroids[base + dims[i]];
        if (dot > best) {
          best = dot;
          arg = j;
        }
      }
      assignment[v] = arg;
    }
    centroids.fill(0);
    for (let v = 0; v < vectors.length; v++) {
      const { dims, vals } = vectors[v];
      const base = assignment[v] * D;
      for (let i = 0; i < dims.length; i++) centroids[base + dims[i]] += vals[i];
    }
    normalizeRows(centroids, k, D);
  }
  return { assignment, centroids };
}

function kmeansDense(points: Float64Array, D: number, k: number, iterations: number, random: () => number): Int32Array {
  const n = points.length / D;
  const centroids = new Float64Array(k * D);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, n)) chosen.add(Math.floor(random() * n));
  [...chosen].forEach((p, j) => centroids.set(points.subarray(p * D, (p + 1) * D), j * D));
  const assignment = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let p = 0; p < n; p++) {
      let best = -Infinity;
      for (let j = 0; j < k; j++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += points[p * D + d] * centroids[j * D + d];
        if (dot > best) {
          best = dot;
          assignment[p] = j;
        }
      }
    }
    centroids.fill(0);
    for (let p = 0; p < n; p++) for (let d = 0; d < D; d++) centroids[assignment[p] * D + d] += points[p * D + d];
    normalizeRows(centroids, k, D);
  }
  return assignment;
}
