// Display-only removal of Arabic diacritics. Offsets always refer to the original text: callers strip
// each rendered segment separately, so highlights computed on the original stay on the right words.

// Harakat, tanween, shadda, sukun, Quranic marks, superscript alef.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;
const MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/;

export function isDiacritic(ch: string): boolean {
  return MARK.test(ch);
}

export function stripDiacritics(text: string): string {
  return text.replace(MARKS, '');
}

/**
 * Maps an offset in the displayed (stripped) form of `original` back to an offset in `original`:
 * used to turn a selection made on stripped text into offsets the API understands.
 * A display offset lands after any marks that follow the preceding letter.
 */
export function sourceOffset(original: string, displayOffset: number): number {
  let shown = 0;
  for (let i = 0; i < original.length; i++) {
    if (isDiacritic(original[i])) continue;
    if (shown === displayOffset) return i;
    shown++;
  }
  return original.length;
}
