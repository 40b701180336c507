import { NUM_TAGS } from './tags.js';

// The model's features as the tagger reads them: one record per feature — its key, then its NUM_TAGS
// weights — sorted by key, so that a lookup reads the bucket index and then one record, mostly within one
// cache line. Keys are uniform hashes: the keys whose top `bits` bits equal b are the records
// buckets[b] … buckets[b + 1]), about one per bucket. A bit filter rejects most absent keys first.

/** int16 per record: the key (2), NUM_TAGS weights, padding to 4 bytes. */
export const RECORD = (2 + NUM_TAGS + 1) & ~1;
const RECORD32 = RECORD / 2;
const FILTER_BITS = 21;

function filterBit(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

export class FeatureTable {
  /** Records; the weights of record r are records[r · RECORD + 2 …]. */
  readonly records: Int16Array;
  private readonly keys: Uint32Array;
  private readonly buckets: Uint32Array;
  private readonly shift: number;
  private readonly filter = new Int32Array(1 << (FILTER_BITS - 5));

  /** `keys` ascending (an error otherwise), `weights` NUM_TAGS per key. */
  constructor(keys: Uint32Array, weights: Int16Array) {
    const n = keys.length;
    this.records = new Int16Array(Math.max(1, n) * RECORD);
    this.keys = new Uint32Array(this.records.buffer);
    for (let i = 0; i < n; i++) {
      if (i > 0 && keys[i - 1] > keys[i]) throw new Error('entity model: feature keys are not sorted');
      this.keys[i * RECORD32] = keys[i];
      this.records.set(weights.subarray(i * NUM_TAGS, (i + 1) * NUM_TAGS), i * RECORD + 2);
      const bit = filterBit(keys[i]);
      this.filter[bit >>> 5] |= 1 << (bit & 31);
    }
    let bits = 1;
    while (bits < 24 && 2 << bits <= n) bits++;
    this.shift = 32 - bits;
    this.buckets = new Uint32Array((1 << bits) + 1);
    let at = 0;
    for (let b = 0; b <= 1 << bits; b++) {
      while (at < n && keys[at] >>> this.shift < b) at++;
      this.buckets[b] = at;
    }
  }

  /** Where the weights of `key` start in records, or -1 when the model does not have it. */
  slot(key: number): number {
    const bit = filterBit(key);
    if ((this.filter[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    const b = key >>> this.shift;
    const keys = this.keys;
    for (let r = this.buckets[b], end = this.buckets[b + 1]; r < end; r++) {
      if (keys[r * RECORD32] === key) return r * RECORD + 2;
    }
    return -1;
  }

  /** The key of record r. */
  keyAt(r: number): number {
    return this.keys[r * RECORD32];
  }
}
