// Folding used for the tagger's features: the same word spelled with or without hamza, diacritics or
// tatweel gives the same features (WikiFANE, the training data, is written without hamza on alef).

function foldChar(c: number): number {
  if (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671) return 0x0627; // آ أ إ ٱ → ا
  if (c === 0x0649) return 0x064a; // ى → ي
  if (c === 0x0629) return 0x0647; // ة → ه
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48; // Arabic-Indic digits
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48;
  if (c >= 65 && c <= 90) return c + 32;
  return c;
}

function isDroppedMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

export function foldArabic(word: string): string {
  let i = 0;
  while (i < word.length) {
    const c = word.charCodeAt(i);
    if (isDroppedMark(c) || foldChar(c) !== c) break;
    i++;
  }
  if (i === word.length) return word;
  const codes: number[] = [];
  for (let k = 0; k < i; k++) codes.push(word.charCodeAt(k));
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!isDroppedMark(c)) codes.push(foldChar(c));
  }
  return fromCharCodes(codes);
}

function fromCharCodes(codes: number[]): string {
  const CHUNK = 4096; // well below the engines' limit on arguments
  if (codes.length <= CHUNK) return String.fromCharCode(...codes);
  let out = '';
  for (let i = 0; i < codes.length; i += CHUNK) out += String.fromCharCode(...codes.slice(i, i + CHUNK));
  return out;
}

/** Offset in `word` of the character that foldArabic(word) has at `foldedIndex`. */
export function surfaceIndex(word: string, foldedIndex: number): number {
  let folded = 0;
  for (let i = 0; i < word.length; i++) {
    if (isDroppedMark(word.charCodeAt(i))) continue;
    if (folded === foldedIndex) return i;
    folded++;
  }
  return word.length;
}
