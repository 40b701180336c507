import type { ClusterLookup } from './clusters.js';
import {
  AFTER_SENTENCE,
  BEFORE_SENTENCE,
  MAX_FEATURES,
  PAIR_OFFSETS,
  aroundFeatures,
  contextFeatures,
  pairFeatures,
  pairHash,
  pairName,
  sentenceContext,
  type FeatureSources,
  type WordProps,
} from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { featureSlot, nameCodeOfHash, type TaggerModel } from './model.js';
import { NUM_TAGS } from './tags.js';
import { viterbi } from './viterbi.js';
import { WORD_CACHE_SIZE, WordScores } from './word-scores.js';

// Tagging a sentence: the score of each tag at each word is the sum of the weights of its features (see
// features.ts), times model.header.scale. Word templates come summed per word from WordScores; the others are
// looked up one by one (caching sums per pair of words did not pay: most pairs of the corpus occur once).
// Weights are integers, so the sums are exact whatever the order and equal those of scoreFeatures, the plain
// per-feature scoring training uses.

const T = NUM_TAGS;
const RECENT_MASK = (1 << 13) - 1;

/** Per model: the cache of word scores and the buffers reused from sentence to sentence. */
export class SentenceTagger {
  private readonly words: WordScores;
  private readonly src: FeatureSources;
  private readonly keys = new Uint32Array(MAX_FEATURES);
  private sums = new Int32Array(0);
  private emissions = new Float64Array(0);
  private entries = new Int32Array(0);
  private pairNameBuffer = new Int32Array(0);
  private readonly recentKeys = new Uint32Array(RECENT_MASK + 1);
  private readonly recentRows = new Int32Array(RECENT_MASK + 1);
  private readonly props: WordProps[] = [];

  constructor(
    private readonly model: TaggerModel,
    readonly gazetteer: Gazetteer | null,
    readonly clusters: ClusterLookup | null,
    wordCacheSize = WORD_CACHE_SIZE,
  ) {
    this.src = { gazetteer, clusters, names: model.names };
    this.words = new WordScores(model, this.src, wordCacheSize);
  }

  /** Tag indexes (see tags.ts) for a sentence of folded words. */
  tag(words: readonly string[]): Int32Array {
    const n = words.length;
    this.score(words);
    toEmissions(this.model, this.sums, n, this.emissions);
    return viterbi(this.emissions, n, this.model.transitions, new Int32Array(n));
  }

  /** The integer weight sums of each tag at each word (n × NUM_TAGS; valid until the next call). */
  score(words: readonly string[]): Int32Array {
    const n = words.length;
    if (this.sums.length < n * T) {
      this.sums = new Int32Array(n * T * 2);
      this.emissions = new Float64Array(n * T * 2);
      this.entries = new Int32Array(n * 2);
    }
    const { sums, entries, props, keys } = this;
    this.words.reserve(n);
    props.length = n;
    for (let i = 0; i < n; i++) {
      const e = this.words.entry(words[i]);
      entries[i] = e;
      props[i] = this.words.propsOf(e);
    }
    for (let i = 0; i < n; i++) this.words.addWordScores(sums, i * T, entries, i, n);
    const context = sentenceContext(words, props, this.src);
    // pairNames[j + 1]: pairName of words j and j + 1, j = -1 … n - 1.
    const pairNames = this.pairNames(n);
    for (let i = 0; i < n; i++) {
      const prev = i > 0 ? props[i - 1] : BEFORE_SENTENCE;
      const next = i + 1 < n ? props[i + 1] : AFTER_SENTENCE;
      let count = 0;
      for (const offset of PAIR_OFFSETS) {
        const j = i + offset;
        const a = j < 0 ? BEFORE_SENTENCE : props[j];
        const b = j + 1 < 0 ? BEFORE_SENTENCE : j + 1 >= n ? AFTER_SENTENCE : props[j + 1];
        count = pairFeatures(offset, a, b, j + 1 >= 0 ? pairNames[j + 1] : 255, this.src, keys, count);
      }
      count = aroundFeatures(prev, next, this.src, keys, count);
      count = contextFeatures(context, i, this.src, keys, count);
      this.addFeatures(keys, count, sums, i * T);
    }
    return sums.subarray(0, n * T);
  }

  /** pairName of each two adjacent words of the sentence in props, from the one before the sentence on. */
  private pairNames(n: number): Int32Array {
    if (this.pairNameBuffer.length < n + 1) this.pairNameBuffer = new Int32Array(2 * n + 2);
    const codes = this.pairNameBuffer;
    const { props, model } = this;
    codes[0] = pairName(BEFORE_SENTENCE, n > 0 ? props[0] : AFTER_SENTENCE, model.names);
    for (let j = 0; j < n; j++) {
      codes[j + 1] = j + 1 >= n ? pairName(props[j], AFTER_SENTENCE, model.names) : model.names ? nameCodeOfHash(model, pairHash(props[j].word, props[j + 1].word)) : 0;
    }
    return codes;
  }

  /** Adds the weights of features keys[0…count) to out[at…at + T). */
  private addFeatures(keys: Uint32Array, count: number, out: Int32Array, at: number): void {
    const { model, recentKeys, recentRows } = this;
    const weights = model.features.records;
    for (let q = 0; q < count; q++) {
      const key = keys[q];
      if (key === 0) continue;
      // Many keys recur (cluster pairs, gazetteer codes…): a small direct-mapped memo of lookups stays in cache.
      const slot = key & RECENT_MASK;
      let row: number;
      if (recentKeys[slot] === key) row = recentRows[slot];
      else {
        row = featureSlot(model, key);
        recentKeys[slot] = key;
        recentRows[slot] = row;
      }
      if (row < 0) continue;
      for (let t = 0; t < T; t++) out[at + t] += weights[row + t];
    }
  }
}

/** Scores (as emissions for viterbi) from integer weight sums: n × T. */
export function toEmissions(model: TaggerModel, sums: ArrayLike<number>, n: number, out: Float64Array): Float64Array {
  const scale = model.header.scale;
  const outsideBias = model.header.outsideBias ?? 0;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    for (let t = 0; t < T; t++) out[base + t] = sums[base + t] * scale;
    out[base] -= outsideBias;
  }
  return out;
}

/**
 * The plain scoring: per word, the sum of the weights of each feature of `feats` (sentenceFeatures
 * layout), as training scores. The tagger must agree with it.
 */
export function scoreFeatures(model: TaggerModel, feats: Uint32Array, n: number): Int32Array {
  const sums = new Int32Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let k = i * MAX_FEATURES, end = k + MAX_FEATURES; k < end; k++) {
      const key = feats[k];
      if (key === 0) continue;
      const at = featureSlot(model, key);
      if (at < 0) continue;
      for (let t = 0; t < T; t++) sums[i * T + t] += model.features.records[at + t];
    }
  }
  return sums;
}

const taggers = new WeakMap<TaggerModel, SentenceTagger>();

/** Tag indexes (see tags.ts) for a sentence of folded words. */
export function tagWords(
  model: TaggerModel,
  gazetteer: Gazetteer | null,
  clusters: ClusterLookup | null,
  words: readonly string[],
): Int32Array {
  let tagger = taggers.get(model);
  if (!tagger || tagger.gazetteer !== gazetteer || tagger.clusters !== clusters) {
    taggers.set(model, (tagger = new SentenceTagger(model, gazetteer, clusters)));
  }
  return tagger.tag(words);
}
