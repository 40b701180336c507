import { AFTER_SENTENCE, BEFORE_SENTENCE, MAX_FEATURES, WORD_OFFSETS, wordFeatures, wordProps, type FeatureSources, type WordProps } from './features.js';
import { featureSlot, type TaggerModel } from './model.js';
import { NUM_TAGS } from './tags.js';

// The summed weights of the word templates (features.ts) of a word, per offset, cached per folded word: news
// text repeats its words, so most words are scored once and then only added up. The cache is bounded; when
// full it starts over (between sentences).

const T = NUM_TAGS;
const OFFSETS = WORD_OFFSETS.length;
const STRIDE = OFFSETS * T;
const AT = (offset: number) => WORD_OFFSETS.indexOf(offset as (typeof WORD_OFFSETS)[number]) * T;
const SELF = AT(0);
const PREV = AT(-1);
const NEXT = AT(1);
const PREV2 = AT(-2);
const NEXT2 = AT(2);

/** Default number of words kept. */
export const WORD_CACHE_SIZE = 1 << 14;

export class WordScores {
  private readonly index = new Map<string, number>();
  private readonly props: WordProps[] = [];
  private sums: Int32Array;
  /** Scores of the sentence boundaries at offsets -1, -2 (before) and 1, 2 (after). */
  private readonly boundary = new Int32Array(STRIDE);
  private readonly keys = new Uint32Array(MAX_FEATURES);

  constructor(
    private readonly model: TaggerModel,
    private readonly src: FeatureSources,
    private readonly capacity = WORD_CACHE_SIZE,
  ) {
    this.sums = new Int32Array(capacity * STRIDE);
    for (const offset of [-1, -2]) this.score(BEFORE_SENTENCE, offset, this.boundary, AT(offset));
    for (const offset of [1, 2]) this.score(AFTER_SENTENCE, offset, this.boundary, AT(offset));
  }

  get size(): number {
    return this.index.size;
  }

  /** Makes room for `count` more words: entries stay valid until the next reserve. True when it emptied the cache. */
  reserve(count: number): boolean {
    if (this.index.size + count <= this.capacity) return false;
    this.index.clear();
    this.props.length = 0;
    if (count > this.capacity) this.sums = new Int32Array(count * STRIDE);
    else if (this.sums.length > this.capacity * STRIDE) this.sums = new Int32Array(this.capacity * STRIDE);
    return true;
  }

  /** The cache entry of a folded word (scored now when new). */
  entry(word: string): number {
    let e = this.index.get(word);
    if (e !== undefined) return e;
    e = this.props.length;
    if ((e + 1) * STRIDE > this.sums.length) throw new Error('WordScores: reserve() before adding words');
    const p = wordProps(word, this.src);
    this.props.push(p);
    this.index.set(word, e);
    const base = e * STRIDE;
    this.sums.fill(0, base, base + STRIDE);
    for (const offset of WORD_OFFSETS) this.score(p, offset, this.sums, base + AT(offset));
    return e;
  }

  propsOf(entry: number): WordProps {
    return this.props[entry];
  }

  /** Adds to sums[base…] the word-template scores of word i of a sentence of n words with cache entries `entries`. */
  addWordScores(sums: Int32Array, base: number, entries: Int32Array, i: number, n: number): void {
    const s = this.sums;
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
    const weights = model.weights;
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
