import { AFTER_SENTENCE, BEFORE_SENTENCE, MAX_FEATURES, WORD_OFFSETS, wordFeatures, wordProps, type FeatureSources, type WordProps } from './features.js';
import { featureSlot, type TaggerModel } from './model.js';
import { NUM_TAGS } from './tags.js';

// The summed weights of the word templates (features.ts) of a word, per offset, cached per folded word: news
// text repeats its words, so most words are scored once and then only added up. The cache is bounded (see
// WordScores).

const T = NUM_TAGS;
const OFFSETS = WORD_OFFSETS.length;
const STRIDE = OFFSETS * T;
const AT = (offset: number) => WORD_OFFSETS.indexOf(offset as (typeof WORD_OFFSETS)[number]) * T;
const SELF = AT(0);
const PREV = AT(-1);
const NEXT = AT(1);
const PREV2 = AT(-2);
const NEXT2 = AT(2);

/** Default number of words of each generation. */
export const WORD_CACHE_SIZE = 1 << 14;

/** Words scored recently: entries (indexes into sums and props) of each word. */
class Generation {
  readonly index = new Map<string, number>();
  readonly props: WordProps[] = [];
  sums: Int32Array;

  constructor(capacity: number) {
    this.sums = new Int32Array(capacity * STRIDE);
  }

  clear(capacity: number): void {
    this.index.clear();
    this.props.length = 0;
    if (this.sums.length !== capacity * STRIDE) this.sums = new Int32Array(capacity * STRIDE);
  }
}

/**
 * Two generations: words go to the young one; when it is full it becomes the old one, and a word found only
 * in the old one is copied back to the young one. Frequent words thus stay, at the cost of 2 × capacity words.
 */
export class WordScores {
  private young: Generation;
  private old: Generation;
  /** Scores of the sentence boundaries at offsets -1, -2 (before) and 1, 2 (after). */
  private readonly boundary = new Int32Array(STRIDE);
  private readonly keys = new Uint32Array(MAX_FEATURES);

  constructor(
    private readonly model: TaggerModel,
    private readonly src: FeatureSources,
    private readonly capacity = WORD_CACHE_SIZE,
  ) {
    this.young = new Generation(capacity);
    this.old = new Generation(0);
    for (const offset of [-1, -2]) this.score(BEFORE_SENTENCE, offset, this.boundary, AT(offset));
    for (const offset of [1, 2]) this.score(AFTER_SENTENCE, offset, this.boundary, AT(offset));
  }

  /** Makes room for `count` more words: entries stay valid until the next reserve. */
  reserve(count: number): void {
    if (this.young.index.size + count <= this.young.sums.length / STRIDE) return;
    const retired = this.old;
    this.old = this.young;
    this.young = retired;
    this.young.clear(Math.max(count, this.capacity));
  }

  /** The cache entry of a folded word (scored now when new). */
  entry(word: string): number {
    const young = this.young;
    let e = young.index.get(word);
    if (e !== undefined) return e;
    e = young.props.length;
    const base = e * STRIDE;
    if (base + STRIDE > young.sums.length) throw new Error('WordScores: reserve() before adding words');
    young.index.set(word, e);
    const old = this.old.index.get(word);
    if (old !== undefined) {
      young.props.push(this.old.props[old]);
      young.sums.set(this.old.sums.subarray(old * STRIDE, (old + 1) * STRIDE), base);
      return e;
    }
    const p = wordProps(word, this.src);
    young.props.push(p);
    young.sums.fill(0, base, base + STRIDE);
    for (const offset of WORD_OFFSETS) this.score(p, offset, young.sums, base + AT(offset));
    return e;
  }

  propsOf(entry: number): WordProps {
    return this.young.props[entry];
  }

  /** Adds to sums[base…] the word-template scores of word i of a sentence of n words with cache entries `entries`. */
  addWordScores(sums: Int32Array, base: number, entries: Int32Array, i: number, n: number): void {
    const s = this.young.sums;
    const b = this.boundary;
    const self = entries[i] * STRIDE + SELF;
    for (let t = 0; t < T; t++) sums[base + t] = s[self + t];
    if (i >= 1) add(sums, base, s, entries[i - 1] * STRIDE + PREV);
    else add(sums, base, b, PREV);
    if (i >= 2) add(sums, base, s, entries[i - 2] * STRIDE + PREV2);
    else add(sums, base, b, PREV2);
    if (i + 1 < n) add(sums, base, s, entries[i + 1] * STRIDE + NEXT);
    else add(sums, base, b, NEXT);
    if (i + 2 < n) add(sums, base, s, entries[i + 2] * STRIDE + NEXT2);
    else add(sums, base, b, NEXT2);
  }

  private score(p: WordProps, offset: number, out: Int32Array, at: number): void {
    const { keys, model } = this;
    const weights = model.features.records;
    const count = wordFeatures(offset, p, this.src, keys, 0);
    for (let q = 0; q < count; q++) {
      const key = keys[q];
      if (key === 0) continue;
      const row = featureSlot(model, key);
      if (row < 0) continue;
      for (let t = 0; t < T; t++) out[at + t] += weights[row + t];
    }
  }
}

function add(to: Int32Array, base: number, from: Int32Array, at: number): void {
  for (let t = 0; t < T; t++) to[base + t] += from[at + t];
}
