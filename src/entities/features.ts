import { coreOf, procliticLengths } from './clitics.js';
import type { ClusterLookup } from './clusters.js';
import { hash, hash2, hashChar, hashEnd, hashInt, hashMore, hashRange, hashStart } from './feature-hash.js';
import type { Gazetteer, NameStart } from './gazetteer.js';
import { pairKey, type NameLookup } from './name-dictionary.js';

// The feature templates of the tagger: each gives a 32-bit key (a hash of the template number and what it
// reads) per word of a sentence. ONE definition serves training (sentenceFeatures, per feature) and tagging
// (tagger.ts, which caches sums of weights), so the two always agree (test/unit/entities/tagger.test.ts).
//
// - word templates (wordFeatures) read ONE word at a fixed offset from the tagged word (the word itself,
//   its neighbour at -1 or +1, …) and nothing else of the sentence. The tagger sums their weights once per
//   (word, offset) and reuses the sum wherever that word occurs: put a new template here when it reads one word.
// - pair templates (pairFeatures) read two adjacent words at a fixed offset ((i-1, i), …), around templates
//   (aroundFeatures) the two neighbours (i-1, i+1), sentence templates (contextFeatures) facts of the whole
//   sentence (gazetteer matches) or words further apart. The tagger hashes and looks these up at every
//   word (most of its time): prefer a word template when one word is enough.
//
// Something new that a template reads about a word belongs in WordProps (wordProps), so it is computed once
// per word. Template numbers are part of the keys the shipped model holds: never reuse or renumber one; a
// new template needs a retrained model (npm run train:entities) and may need a larger MAX_FEATURES.

/** What the templates read about one word (or a sentence boundary), computed once per distinct folded word. */
export interface WordProps {
  word: string;
  /** Without proclitics and article (coreOf). */
  core: string;
  shape: string;
  /** Word cluster as fine | coarse << 16, UNKNOWN_CLUSTER or BOUNDARY_CLUSTER. */
  cluster: number;
  /** Fine cluster of the core when the core differs from the word (UNKNOWN_CLUSTER when unknown), else -1. */
  coreCluster: number;
  /** Name-dictionary code, 0 when absent, BOUNDARY_NAME beyond the sentence. */
  name: number;
  /** Name-dictionary code of the core when the core differs from the word, else -1. */
  coreName: number;
  /** Where gazetteer names may start at this word (Gazetteer.starts; empty without a gazetteer). */
  gazetteerStarts: readonly NameStart[];
}

/** The lookups feeding the templates (null when the model has none). */
export interface FeatureSources {
  gazetteer: Gazetteer | null;
  clusters: ClusterLookup | null;
  names: NameLookup | null;
}

const NO_NAME_STARTS: readonly NameStart[] = [];
const UNKNOWN_CLUSTER = 0x7fff7fff;
const BOUNDARY_CLUSTER = 0x7ffe7ffe;
const BOUNDARY_NAME = 255;
/** The template number of wordHash. */
const WORD_TEMPLATE = 99;

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

export function wordProps(word: string, src: FeatureSources): WordProps {
  const core = coreOf(word);
  const cluster = src.clusters ? src.clusters(word) : -1;
  const coreCluster = core === word || !src.clusters ? -1 : src.clusters(core);
  return {
    word,
    core,
    shape: shapeOf(word),
    cluster: cluster < 0 ? UNKNOWN_CLUSTER : cluster,
    coreCluster: core === word ? -1 : coreCluster < 0 ? UNKNOWN_CLUSTER : coreCluster & 0xffff,
    name: src.names ? src.names(word) : 0,
    coreName: core === word || !src.names ? -1 : src.names(core),
    gazetteerStarts: src.gazetteer ? src.gazetteer.starts(word) : NO_NAME_STARTS,
  };
}

function boundaryProps(s: string): WordProps {
  return { word: s, core: s, shape: s, cluster: BOUNDARY_CLUSTER, coreCluster: -1, name: BOUNDARY_NAME, coreName: -1, gazetteerStarts: NO_NAME_STARTS };
}

/** Before the first word of a sentence (offsets -1, -2) and after the last (offsets 1, 2). */
export const BEFORE_SENTENCE = boundaryProps('<s>');
export const AFTER_SENTENCE = boundaryProps('</s>');

/** Offsets from the tagged word at which word templates read a word. */
export const WORD_OFFSETS = [0, -1, 1, -2, 2] as const;

const fine = (p: WordProps) => p.cluster & 0xffff;
const coarse = (p: WordProps) => p.cluster >>> 16;

/**
 * Word templates: the keys for word `p` seen at `offset` from the tagged word (a boundary when beyond the
 * sentence; offset 0 is never one), written to `out` from `k`. Returns the next free index.
 */
export function wordFeatures(offset: number, p: WordProps, src: FeatureSources, out: Uint32Array, k: number): number {
  const w = p.word;
  const c = p.core;
  switch (offset) {
    case 0: {
      out[k++] = hash(0, '');
      out[k++] = hash(1, w);
      out[k++] = hash(2, c);
      for (let len = 1; len <= 3; len++) if (w.length > len) out[k++] = hashRange(9 + len, w, 0, len);
      for (let len = 1; len <= 4; len++) if (w.length > len) out[k++] = hashRange(13 + len, w, w.length - len, w.length);
      for (let len = 2; len <= 3; len++) if (c.length > len) out[k++] = hashRange(17 + len, c, c.length - len, c.length);
      for (let len = 2; len <= 3; len++) if (c.length > len) out[k++] = hashRange(21 + len, c, 0, len);
      out[k++] = hash(25, p.shape);
      const lens = procliticLengths(w);
      const longest = lens[lens.length - 1];
      if (longest > 0) {
        out[k++] = hashRange(30, w, longest, w.length);
        out[k++] = hashRange(31, w, 0, longest);
      }
      if (c.length >= 4 && p.shape.startsWith('A')) {
        // Letter trigrams inside the word (the edges are covered by the prefix and suffix features).
        const last = Math.min(c.length - 2, 9);
        for (let at = 1; at < last; at++) out[k++] = hashRange(48, c, at, at + 3);
      }
      if (src.names) {
        out[k++] = hashInt(36, p.name);
        if (p.coreName >= 0) out[k++] = hashInt(37, p.coreName);
      }
      if (src.clusters) {
        out[k++] = hashInt(40, fine(p));
        out[k++] = hashInt(41, coarse(p));
        if (c !== w) out[k++] = hashInt(42, p.coreCluster);
      }
      return k;
    }
    case -1:
      out[k++] = hash(3, w);
      out[k++] = hash(7, c);
      // Affixes of the neighbours (a name is often preceded by a title ending like الرئيس/الشيخ, followed by بن/ابن…).
      out[k++] = hashRange(54, c, Math.max(0, c.length - 2), c.length);
      out[k++] = hashRange(57, w, 0, Math.min(2, w.length));
      if (src.clusters) out[k++] = hashInt(43, fine(p));
      return k;
    case 1:
      out[k++] = hash(4, w);
      out[k++] = hash(8, c);
      out[k++] = hashRange(55, c, Math.max(0, c.length - 2), c.length);
      out[k++] = hashRange(56, w, 0, Math.min(2, w.length));
      if (src.clusters) out[k++] = hashInt(44, fine(p));
      return k;
    case -2:
      out[k++] = hash(5, w);
      return k;
    case 2:
      out[k++] = hash(6, w);
      return k;
    default:
      throw new Error(`no word templates at offset ${offset}`);
  }
}

/** Offsets of the first word of the two adjacent words that pair templates read: (i-2, i-1), (i-1, i), (i, i+1). */
export const PAIR_OFFSETS = [-2, -1, 0] as const;

/**
 * Name-dictionary code of two adjacent words as a pair, as pair templates read it: 255 before the sentence,
 * 0 after it. (The tagger finds the same codes with pairHash.)
 */
export function pairName(a: WordProps, b: WordProps, names: NameLookup | null): number {
  if (!names) return 0;
  if (a === BEFORE_SENTENCE) return 255;
  if (b === AFTER_SENTENCE) return 0;
  return names(pairKey(a.word, b.word));
}

/** wordHash(pairKey(a, b)), without building the string. */
export function pairHash(a: string, b: string): number {
  return hashEnd(hashMore(hashChar(hashMore(hashStart(WORD_TEMPLATE), a, 0, a.length), 0x20), b, 0, b.length));
}

/**
 * Pair templates: the keys for the adjacent words `a` (at `offset` from the tagged word) and `b` (at
 * offset + 1), either a sentence boundary; `names` is pairName(a, b). Returns the next free index.
 */
export function pairFeatures(offset: number, a: WordProps, b: WordProps, names: number, src: FeatureSources, out: Uint32Array, k: number): number {
  switch (offset) {
    case -2:
      out[k++] = hash2(59, a.core, b.core);
      return k;
    case -1:
      out[k++] = hash2(27, a.word, b.word);
      out[k++] = hash2(29, a.core, b.core);
      if (src.names) {
        out[k++] = hashInt(39, a.name, b.name);
        out[k++] = hashInt(60, names);
      }
      if (src.clusters) out[k++] = hashInt(46, fine(a), fine(b));
      return k;
    case 0:
      out[k++] = hash2(28, a.word, b.word);
      if (src.names) out[k++] = hashInt(61, names);
      if (src.clusters) out[k++] = hashInt(47, fine(a), fine(b));
      return k;
    default:
      throw new Error(`no pair templates at offset ${offset}`);
  }
}

/**
 * Around templates: the keys for the words before (`prev`) and after (`next`) the tagged word, either a
 * sentence boundary. Returns the next free index.
 */
export function aroundFeatures(prev: WordProps, next: WordProps, src: FeatureSources, out: Uint32Array, k: number): number {
  out[k++] = hash2(26, prev.shape, next.shape);
  out[k++] = hash2(35, prev.word, next.word);
  if (src.names) out[k++] = hashInt(38, prev.name, next.name);
  if (src.clusters) out[k++] = hashInt(45, coarse(prev), coarse(next));
  return k;
}

/** A sentence as the sentence templates read it. */
export interface SentenceContext {
  props: readonly WordProps[];
  /** Gazetteer codes per word (Gazetteer.match), all 0 without a gazetteer. */
  gazetteer: Uint8Array;
}

/** The gazetteer codes as strings, as the templates hash them. */
const GAZ_STRINGS = Array.from({ length: 256 }, (_, i) => String(i));

function propsAt(s: SentenceContext, i: number): WordProps {
  return i < 0 ? BEFORE_SENTENCE : i >= s.props.length ? AFTER_SENTENCE : s.props[i];
}

function gazAt(s: SentenceContext, i: number): string {
  return i < 0 || i >= s.props.length ? 'x' : GAZ_STRINGS[s.gazetteer[i]];
}

/**
 * Sentence templates of word i: the rest, looked up for every word (gazetteer matches, which depend on the
 * sentence, and words further apart). Written to `out` from `k`; returns the next free index.
 */
export function contextFeatures(s: SentenceContext, i: number, src: FeatureSources, out: Uint32Array, k: number): number {
  const c = s.props[i].core;
  const gaz = gazAt(s, i);
  out[k++] = hash(32, gaz);
  out[k++] = hash2(33, gazAt(s, i - 1), gazAt(s, i + 1));
  out[k++] = hash2(34, gaz, c, Math.max(0, c.length - 2), c.length);
  if (src.names) out[k++] = hashInt(58, propsAt(s, i - 2).name, propsAt(s, i + 2).name);
  return k;
}

/** The sentence-level facts of the sentence templates. */
export function sentenceContext(words: readonly string[], props: readonly WordProps[], src: FeatureSources): SentenceContext {
  const gazetteer = src.gazetteer ? src.gazetteer.match(words, (i) => props[i].gazetteerStarts) : new Uint8Array(words.length);
  return { props, gazetteer };
}

/** Upper bound of features per word (for preallocation). */
export const MAX_FEATURES = 64;

/**
 * Features of every word of a sentence of folded words, `MAX_FEATURES` slots per word, unused slots 0
 * (training; the tagger computes the same features, see tagger.ts). `out` is reused when large enough.
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
  const src: FeatureSources = { gazetteer, clusters, names };
  const props = words.map((w) => wordProps(w, src));
  const context = sentenceContext(words, props, src);
  for (let i = 0; i < n; i++) {
    let k = i * MAX_FEATURES;
    for (const offset of WORD_OFFSETS) k = wordFeatures(offset, propsAt(context, i + offset), src, feats, k);
    for (const offset of PAIR_OFFSETS) {
      const a = propsAt(context, i + offset);
      const b = propsAt(context, i + offset + 1);
      k = pairFeatures(offset, a, b, pairName(a, b, names), src, feats, k);
    }
    k = aroundFeatures(propsAt(context, i - 1), propsAt(context, i + 1), src, feats, k);
    k = contextFeatures(context, i, src, feats, k);
    if (k > (i + 1) * MAX_FEATURES) throw new Error('more features per word than MAX_FEATURES: raise it');
  }
  return feats;
}

/** Key of a folded word in the model's lexicon. */
export function wordHash(word: string): number {
  return hash(WORD_TEMPLATE, word);
}
