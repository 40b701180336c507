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
export function forEachToken(text: string, visit: (start: number, end: number, isArabic: boolean) => void): void {
  const n = text.length;
  let start = -1;
  let group = 0;
  for (let i = 0; i < n; i++) {
    const cls = charClass[text.charCodeAt(i)];
    if (cls === CharClass.Mark) continue; // inside a word it is part of it; elsewhere it is ignored
    if (cls === CharClass.Separator) {
      if (start >= 0) {
        visit(start, i, group === 1);
        start = -1;
      }
      continue;
    }
    const g = GROUP[cls];
    if (start >= 0 && g === group) continue;
    if (start >= 0) visit(start, i, group === 1);
    start = i;
    group = g;
  }
  if (start >= 0) visit(start, n, group === 1);
}

/** The words of `text` with their offsets. */
export function tokenize(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  forEachToken(text, (start, end) => out.push({ start, end }));
  return out;
}
