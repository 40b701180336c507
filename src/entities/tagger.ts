import type { ClusterLookup } from './clusters.js';
import { MAX_FEATURES, sentenceFeatures } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { featureSlot, type TaggerModel } from './model.js';
import { NUM_TAGS } from './tags.js';
import { viterbi } from './viterbi.js';

/** Tag indexes (see tags.ts) for a sentence of folded words. */
export function tagWords(
  model: TaggerModel,
  gazetteer: Gazetteer | null,
  clusters: ClusterLookup | null,
  words: readonly string[],
): Int32Array {
  const n = words.length;
  const T = NUM_TAGS;
  const feats = sentenceFeatures(words, gazetteer, clusters, model.names);
  const emissions = new Float64Array(n * T);
  const { table } = model;
  const scale = model.header.scale;
  const outsideBias = model.header.outsideBias ?? 0;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let k = i * MAX_FEATURES, end = k + MAX_FEATURES; k < end; k++) {
      const key = feats[k];
      if (key === 0) continue;
      const at = featureSlot(model, key);
      if (at < 0) continue;
      for (let t = 0; t < T; t++) emissions[base + t] += table[at + t];
    }
    for (let t = 0; t < T; t++) emissions[base + t] *= scale;
    emissions[base] -= outsideBias;
  }
  return viterbi(emissions, n, model.transitions);
}
