import { CharClass, charClass } from './chars.js';

/** A word's position in the text it came from: UTF-16 offsets, end exclusive. */
export interface TokenSpan {
  start: number;
  end: number;
}

/** Arabic words are one group; Latin letters and digits another ("G20", "5G"); marks join whatever they follow. */
const GROUP = new Uint8Array([0, 1, 2, 2, 0]);

/**
 * Calls `visit(start, end, isArabic)` for each word of `text`, in order. Words are maximal runs of Arabic letters
 * (with their diacritics/tatweel) or of Latin letters and digits; anything else separates them, and a change of
 * script starts a new word. Arabic-Indic and ASCII digits are digits ("26.11.2021" → 26, 11, 2021).
 */
export function forEachToken(
  text: string,
  visit: (start: number, end: number, isArabic: boolean, hash: number) => void,
): void {
  const n = text.length;
  let start = -1;
  let group = 0;
  let hash = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const cls = charClass[c];
    if (cls === CharClass.Mark) {
      // inside a word it is part of it; elsewhere it is ignored
      if (start >= 0) hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    if (cls === CharClass.Separator) {
      if (start >= 0) {
        visit(start, i, group === 1, hash);
        start = -1;
      }
      continue;
    }
    const g = GROUP[cls];
    if (start >= 0 && g === group) {
      hash = (Math.imul(hash, 31) + c) | 0;
      continue;
    }
    if (start >= 0) visit(start, i, group === 1, hash);
    start = i;
    group = g;
    hash = c;
  }
  if (start >= 0) visit(start, n, group === 1, hash);
}

/** The hash forEachToken passes for text[start, end). */
export function hashRange(text: string, start: number, end: number): number {
  let hash = text.charCodeAt(start);
  for (let i = start + 1; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/** The words of `text` with their offsets. */
export function tokenize(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  forEachToken(text, (start, end) => out.push({ start, end }));
  return out;
}
