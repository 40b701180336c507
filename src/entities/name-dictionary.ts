import { LABELS, labelOf, isInside } from './tags.js';
import { SortedKeys } from './sorted-keys.js';

// Which words the training text had inside names, and of what type: a word → a small code (0 = never
// in a name) used as a feature. The tagger sees a known name word in a new context this way. Training
// builds the codes of each part of its data from the other parts only (see train-entities.ts), so the
// model learns how far the dictionary can be trusted on words it does not hold.

/** Of a dictionary code (not 0): how often its word was in a name, 0 (< 20% of its occurrences) to 3 (≥ 80%). */
export function nameRatioBucket(code: number): number {
  return Math.floor((code - 1) / LABELS.length) % 4;
}

/** A folded word's dictionary code, 0 when the dictionary does not have it. */
export type NameLookup = (word: string) => number;

const LETTER = /[\p{L}]/u;

export class NameCounts {
  /** word → counts: [total, then per label: in a name, at its beginning] */
  private readonly counts = new Map<string, number[]>();

  add(words: readonly string[], tags: ArrayLike<number>): void {
    this.addWords(words, tags);
    // Word pairs, as "w1 w2": in a name when the second word continues the name the first is in.
    const pairs: string[] = [];
    const pairTags: number[] = [];
    for (let i = 0; i + 1 < words.length; i++) {
      pairs.push(pairKey(words[i], words[i + 1]));
      pairTags.push(isInside(tags[i + 1]) ? tags[i] : 0);
    }
    this.addWords(pairs, pairTags);
  }

  private addWords(words: readonly string[], tags: ArrayLike<number>): void {
    words.forEach((w, i) => {
      let c = this.counts.get(w);
      if (!c) this.counts.set(w, (c = new Array(1 + 2 * LABELS.length).fill(0)));
      c[0]++;
      const label = labelOf(tags[i]);
      if (label === null) return;
      const k = LABELS.indexOf(label);
      c[1 + 2 * k]++;
      if (!isInside(tags[i])) c[2 + 2 * k]++;
    });
  }

  /** Code of each word that was in a name at least once. */
  codes(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [w, c] of this.counts) {
      let best = -1;
      for (let k = 0; k < LABELS.length; k++) if (c[1 + 2 * k] > 0 && (best < 0 || c[1 + 2 * k] > c[1 + 2 * best])) best = k;
      if (best < 0) continue;
      const inName = c[1 + 2 * best];
      // Punctuation inside names (commas, brackets) tells nothing about a name. Words seen in a name once
      // stay: without them the dictionary misses most rare names (measured: F1 drops by ~0.01).
      if (!LETTER.test(w)) continue;
      const ratio = inName / c[0];
      const bucket = ratio >= 0.8 ? 3 : ratio >= 0.5 ? 2 : ratio >= 0.2 ? 1 : 0;
      const mostlyInside = c[2 + 2 * best] * 2 < inName ? 1 : 0;
      const often = inName >= 3 ? 1 : 0;
      out.set(w, 1 + best + LABELS.length * (bucket + 4 * (mostlyInside + 2 * often)));
    }
    return out;
  }
}

/** Key of two adjacent words in the dictionary. */
export function pairKey(a: string, b: string): string {
  return a + ' ' + b;
}

export function nameLookup(keys: Uint32Array | SortedKeys, codes: Uint8Array, hashWord: (w: string) => number): NameLookup {
  const index = keys instanceof SortedKeys ? keys : new SortedKeys(keys);
  return (word) => {
    const at = index.indexOf(hashWord(word));
    return at < 0 ? 0 : codes[at];
  };
}
