import { coreOf, procliticLengths } from './clitics.js';
import type { ClusterLookup } from './clusters.js';
import type { Gazetteer } from './gazetteer.js';
import { pairKey, type NameLookup } from './name-dictionary.js';

// Features of a word in its sentence, as 32-bit hashes of (template, string). Training and tagging both
// call sentenceFeatures, so they always agree.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashRange(template: number, s: string, from: number, to: number): number {
  let h = Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

function hash(template: number, s: string): number {
  return hashRange(template, s, 0, s.length);
}

function hash2(template: number, a: string, b: string): number {
  let h = hashRange(template, a, 0, a.length);
  h = Math.imul(h ^ 0x7c, FNV_PRIME);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

function hashInt(template: number, a: number, b = 0): number {
  let h = Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
  h = Math.imul(h ^ (a & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (a >>> 16), FNV_PRIME);
  h = Math.imul(h ^ (b & 0xffff), FNV_PRIME);
  h = Math.imul(h ^ (b >>> 16), FNV_PRIME);
  return h >>> 0;
}

const BOS = '<s>';
const EOS = '</s>';

/** A coarse shape: script classes of the characters plus a length bucket. */
export function shapeOf(word: string): string {
  let arabic = 0;
  let latin = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) latin++;
    else if (c >= 48 && c <= 57) digit++;
    else other++;
  }
  const kind = (arabic ? 'A' : '') + (latin ? 'L' : '') + (digit ? 'D' : '') + (other ? 'P' : '');
  const len = word.length <= 2 ? 's' : word.length <= 5 ? 'm' : 'l';
  return kind + len;
}

/** Upper bound of features per word (for preallocation). */
export const MAX_FEATURES = 64;

/**
 * Features of every word of a sentence of folded words, `MAX_FEATURES` slots per word, unused slots 0.
 * `out` is reused when large enough.
 */
export function sentenceFeatures(
  words: readonly string[],
  gazetteer: Gazetteer | null,
  clusters: ClusterLookup | null,
  names: NameLookup | null = null,
  out?: Uint32Array,
): Uint32Array {
  const n = words.length;
  const feats = out && out.length >= n * MAX_FEATURES ? out : new Uint32Array(n * MAX_FEATURES);
  feats.fill(0, 0, n * MAX_FEATURES);
  const cores = words.map(coreOf);
  const shapes = words.map(shapeOf);
  const gaz = gazetteer ? gazetteer.match(words) : new Uint8Array(n);
  const word = (i: number) => (i < 0 ? BOS : i >= n ? EOS : words[i]);
  const core = (i: number) => (i < 0 ? BOS : i >= n ? EOS : cores[i]);
  const shape = (i: number) => (i < 0 ? BOS : i >= n ? EOS : shapes[i]);
  const clusterIds = clusters ? words.map(clusters) : words.map(() => -1);
  const coreClusters = clusters ? cores.map((c, i) => (c === words[i] ? clusterIds[i] : clusters(c))) : clusterIds;
  const UNKNOWN = 0x7fff7fff;
  const BOUNDARY = 0x7ffe7ffe;
  const cl = (i: number) => (i < 0 || i >= n ? BOUNDARY : clusterIds[i] < 0 ? UNKNOWN : clusterIds[i]);
  const fine = (i: number) => cl(i) & 0xffff;
  const coarse = (i: number) => cl(i) >>> 16;
  const gazAt = (i: number) => (i < 0 || i >= n ? 'x' : String(gaz[i]));
  const nameCodes = names ? words.map(names) : null;
  const coreCodes = names ? cores.map((c, i) => (c === words[i] ? -1 : names(c))) : null;
  const nameAt = (i: number) => (i < 0 || i >= n ? 255 : nameCodes![i]);
  // pairCodes[i]: code of words i and i + 1 as a pair.
  const pairCodes = names ? words.map((w, i) => (i + 1 < n ? names(pairKey(w, words[i + 1])) : 0)) : null;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const c = cores[i];
    let k = i * MAX_FEATURES;
    feats[k++] = hash(0, '');
    feats[k++] = hash(1, w);
    feats[k++] = hash(2, c);
    feats[k++] = hash(3, word(i - 1));
    feats[k++] = hash(4, word(i + 1));
    feats[k++] = hash(5, word(i - 2));
    feats[k++] = hash(6, word(i + 2));
    feats[k++] = hash(7, core(i - 1));
    feats[k++] = hash(8, core(i + 1));
    for (let len = 1; len <= 3; len++) if (w.length > len) feats[k++] = hashRange(9 + len, w, 0, len);
    for (let len = 1; len <= 4; len++) if (w.length > len) feats[k++] = hashRange(13 + len, w, w.length - len, w.length);
    for (let len = 2; len <= 3; len++) if (c.length > len) feats[k++] = hashRange(17 + len, c, c.length - len, c.length);
    for (let len = 2; len <= 3; len++) if (c.length > len) feats[k++] = hashRange(21 + len, c, 0, len);
    feats[k++] = hash(25, shapes[i]);
    feats[k++] = hash2(26, shape(i - 1), shape(i + 1));
    feats[k++] = hash2(27, word(i - 1), w);
    feats[k++] = hash2(28, w, word(i + 1));
    feats[k++] = hash2(29, core(i - 1), c);
    const lens = procliticLengths(w);
    const longest = lens[lens.length - 1];
    if (longest > 0) {
      feats[k++] = hashRange(30, w, longest, w.length);
      feats[k++] = hashRange(31, w, 0, longest);
    }
    feats[k++] = hash(32, gazAt(i));
    feats[k++] = hash2(33, gazAt(i - 1), gazAt(i + 1));
    feats[k++] = hash2(34, gazAt(i), c.length > 2 ? c.slice(-2) : c);
    feats[k++] = hash2(35, word(i - 1), word(i + 1));
    if (c.length >= 4 && shapes[i].startsWith('A')) {
      // Letter trigrams inside the word (the edges are covered by the prefix and suffix features).
      const last = Math.min(c.length - 2, 9);
      for (let at = 1; at < last; at++) feats[k++] = hashRange(48, c, at, at + 3);
    }
    // Affixes of the neighbours (a name is often preceded by a title ending like الرئيس/الشيخ, followed by بن/ابن…).
    const prevCore = core(i - 1);
    const nextCore = core(i + 1);
    feats[k++] = hashRange(54, prevCore, Math.max(0, prevCore.length - 2), prevCore.length);
    feats[k++] = hashRange(55, nextCore, Math.max(0, nextCore.length - 2), nextCore.length);
    feats[k++] = hashRange(56, word(i + 1), 0, Math.min(2, word(i + 1).length));
    feats[k++] = hashRange(57, word(i - 1), 0, Math.min(2, word(i - 1).length));
    if (nameCodes) feats[k++] = hashInt(58, nameAt(i - 2), nameAt(i + 2));
    feats[k++] = hash2(59, core(i - 2), core(i - 1));
    if (nameCodes && coreCodes) {
      feats[k++] = hashInt(36, nameCodes[i]);
      if (coreCodes[i] >= 0) feats[k++] = hashInt(37, coreCodes[i]);
      feats[k++] = hashInt(38, nameAt(i - 1), nameAt(i + 1));
      feats[k++] = hashInt(39, nameAt(i - 1), nameCodes[i]);
      feats[k++] = hashInt(60, i > 0 ? pairCodes![i - 1] : 255);
      feats[k++] = hashInt(61, pairCodes![i]);
    }
    if (clusters) {
      feats[k++] = hashInt(40, fine(i));
      feats[k++] = hashInt(41, coarse(i));
      if (c !== w) feats[k++] = hashInt(42, coreClusters[i] < 0 ? UNKNOWN : coreClusters[i] & 0xffff);
      feats[k++] = hashInt(43, fine(i - 1));
      feats[k++] = hashInt(44, fine(i + 1));
      feats[k++] = hashInt(45, coarse(i - 1), coarse(i + 1));
      feats[k++] = hashInt(46, fine(i - 1), fine(i));
      feats[k++] = hashInt(47, fine(i), fine(i + 1));
    }
  }
  return feats;
}

/** Key of a folded word in the model's lexicon. */
export function wordHash(word: string): number {
  return hash(99, word);
}
