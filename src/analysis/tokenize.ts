import { CharClass, charClass } from './chars.js';

/** A word's position in the text it came from: UTF-16 offsets, end exclusive. */
export interface TokenSpan {
  start: number;
  end: number;
}

/** Arabic words are one group; Latin letters and digits another ("G20", "5G"); marks join whatever they follow. */
const GROUP = new Uint8Array([0, 1, 2, 2, 0]);

/** The hash scanWords gives the word text[start, end). */
export function hashRange(text: string, start: number, end: number): number {
  let hash = text.charCodeAt(start);
  for (let i = start + 1; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** Word spans found by scanWords: parallel arrays, valid up to the returned count. */
export interface WordSpans {
  starts: Int32Array;
  ends: Int32Array;
  hashes: Int32Array;
  /** 1 for an Arabic word, 0 for Latin letters/digits. */
  arabic: Uint8Array;
}

function allocate(capacity: number): WordSpans {
  return {
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    hashes: new Int32Array(capacity),
    arabic: new Uint8Array(capacity),
  };
}

function grown(spans: WordSpans, capacity: number): WordSpans {
  const out = allocate(capacity);
  out.starts.set(spans.starts);
  out.ends.set(spans.ends);
  out.hashes.set(spans.hashes);
  out.arabic.set(spans.arabic);
  return out;
}

const MARK = CharClass.Mark as number;
const SEPARATOR = CharClass.Separator as number;

/**
 * The same words as forEachToken, written into `into` (grown when too small; a new object is returned then).
 * No callback per word, so bulk indexing stays fast.
 */
export function scanWords(text: string, into: WordSpans): { spans: WordSpans; count: number } {
  const n = text.length;
  let spans = into;
  // Words are separated, so there are at most n/2 + 1 of them; except where scripts alternate with nothing between
  // ("zشzش…", one word per character): then the arrays grow to the true bound, n.
  if (spans.starts.length < (n >> 1) + 1) spans = allocate((n >> 1) + 16);
  let { starts, ends, hashes, arabic } = spans;
  let count = 0;
  let start = -1;
  let group = 0;
  let hash = 0;
  // One step past the end, read as a separator, ends the last word.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    const cls = i < n ? charClass[c] : SEPARATOR;
    if (cls === MARK) {
      // inside a word it is part of it; elsewhere it is ignored
      if (start >= 0) hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    const g = cls === SEPARATOR ? -1 : GROUP[cls];
    if (start >= 0) {
      if (g === group) {
        hash = (Math.imul(hash, 31) + c) | 0;
        continue;
      }
      if (count === starts.length) ({ starts, ends, hashes, arabic } = spans = grown(spans, n + 1));
      starts[count] = start;
      ends[count] = i;
      hashes[count] = hash;
      arabic[count++] = group === 1 ? 1 : 0;
      start = -1;
    }
    if (g >= 0) {
      start = i;
      group = g;
      hash = c;
    }
  }
  return { spans, count };
}

/** Scratch spans for callers that do not call back into user code while using them. */
export function newWordSpans(capacity = 4096): WordSpans {
  return allocate(capacity);
}

/** Spans larger than this (grown for a huge text) are not kept for the life of the process. */
const MAX_KEPT_SPANS = 1 << 16;
let idleSpans: WordSpans | undefined = newWordSpans();

/**
 * Calls `visit(start, end, isArabic, hash)` for each word of `text` (as scanWords finds them) in order, until it
 * returns true; returns whether it did. `visit` may tokenize other text meanwhile.
 */
export function someToken(text: string, visit: (start: number, end: number, isArabic: boolean, hash: number) => boolean): boolean {
  // Spans of its own while visiting: a nested call finds none idle and allocates.
  const { spans, count } = scanWords(text, idleSpans ?? newWordSpans(16));
  idleSpans = undefined;
  try {
    const { starts, ends, hashes, arabic } = spans;
    for (let w = 0; w < count; w++) if (visit(starts[w], ends[w], arabic[w] === 1, hashes[w])) return true;
    return false;
  } finally {
    idleSpans = spans.starts.length <= MAX_KEPT_SPANS ? spans : newWordSpans();
  }
}

/**
 * Calls `visit(start, end, isArabic, hash)` for each word of `text`, in order. Words are maximal runs of Arabic
 * letters (with their diacritics/tatweel) or of Latin letters and digits; anything else separates them, and a
 * change of script starts a new word. Arabic-Indic and ASCII digits are digits ("26.11.2021" → 26, 11, 2021).
 */
export function forEachToken(text: string, visit: (start: number, end: number, isArabic: boolean, hash: number) => void): void {
  someToken(text, (start, end, isArabic, hash) => {
    visit(start, end, isArabic, hash);
    return false;
  });
}

/** The words of `text` with their offsets. */
export function tokenize(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  forEachToken(text, (start, end) => out.push({ start, end }));
  return out;
}
