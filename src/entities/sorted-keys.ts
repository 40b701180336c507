// Lookups in the model's sorted tables of 32-bit hashes (features, word clusters, the name dictionary, the
// lexicon). The hashes are uniform, so the keys whose top `bits` bits equal b sit together at
// keys[buckets[b] … buckets[b + 1]): about one key per bucket, found with a read or two instead of a
// binary search, for 4 bytes per key.

export class SortedKeys {
  private readonly buckets: Uint32Array;
  private readonly shift: number;

  /** `keys`: ascending (an error otherwise). Of equal keys (two words with one hash), the first is found. */
  constructor(readonly keys: Uint32Array) {
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1] > keys[i]) throw new Error('entity model: a table of keys is not sorted');
    }
    let bits = 1;
    while (bits < 24 && 2 << bits <= keys.length) bits++;
    this.shift = 32 - bits;
    this.buckets = new Uint32Array((1 << bits) + 1);
    let at = 0;
    for (let b = 0; b <= 1 << bits; b++) {
      while (at < keys.length && keys[at] >>> this.shift < b) at++;
      this.buckets[b] = at;
    }
  }

  /** Index of `key` in keys, or -1. */
  indexOf(key: number): number {
    const keys = this.keys;
    const b = key >>> this.shift;
    for (let at = this.buckets[b], end = this.buckets[b + 1]; at < end; at++) {
      if (keys[at] === key) return at;
    }
    return -1;
  }
}
