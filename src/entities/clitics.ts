// Arabic proclitics written attached to the next word: و/ف (and, so) then ب/ل/ك (in, to, like).
// Operates on folded words (see normalize.ts).

const CONJ = 0x0648; // و
const FA = 0x0641; // ف
const PREP = new Set([0x0628, 0x0644, 0x0643]); // ب ل ك

// The four answers procliticLengths can give, shared (it runs for most words of every text; readonly for callers).
const NONE: readonly number[] = [0];
const ONE: readonly number[] = [0, 1];
const TWO: readonly number[] = [0, 2];
const ONE_TWO: readonly number[] = [0, 1, 2];

/** Lengths of the proclitic prefixes a word may carry, shortest first (0 = none), keeping ≥ 2 letters. */
export function procliticLengths(word: string): readonly number[] {
  let i = 0;
  let conjunction = false;
  const c0 = word.charCodeAt(0);
  if (c0 === CONJ || c0 === FA) {
    i = 1;
    conjunction = word.length - i >= 2;
  }
  const preposition = PREP.has(word.charCodeAt(i)) && !word.startsWith('لل', i) && word.length - i - 1 >= 2;
  if (!preposition) return conjunction ? ONE : NONE;
  return i === 0 ? ONE : conjunction ? ONE_TWO : TWO;
}

/** The word without proclitics and without the article ال (or the لل of ل + ال), for features. */
export function coreOf(word: string): string {
  let i = 0;
  const c0 = word.charCodeAt(0);
  if ((c0 === CONJ || c0 === FA) && word.length > 3) i = 1;
  if (PREP.has(word.charCodeAt(i)) && word.length - i > 3) {
    if (word.startsWith('لل', i)) return word.slice(i + 2);
    if (word.startsWith('ال', i + 1)) return word.slice(i + 3);
  }
  if (word.startsWith('ال', i) && word.length - i > 3) return word.slice(i + 2);
  return i > 0 ? word.slice(i) : word;
}
