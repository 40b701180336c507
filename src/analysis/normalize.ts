import { CharClass, charClass, FOLD, MARK_BIT, MULTI, MULTI_FOLD, MULTI_STRICT_FOLD, STRICT_FOLD } from './chars.js';

const HAMZA_ABOVE = 0x0654;
const HAMZA_BELOW = 0x0655;
const MADDA_ABOVE = 0x0653;
const ALEF = 0x0627;
const WAW = 0x0648;
const YEH = 0x064a;
const ALEF_MAQSURA = 0x0649;
const HAMZA = 0x0621;

// Room for 256 input characters at the longest compatibility expansion (U+FDFA → 18 characters).
const buffer = new Uint16Array(8192);

function fromBuffer(n: number): string {
  return String.fromCharCode.apply(null, buffer.subarray(0, n) as unknown as number[]);
}

/**
 * The normalized form of text[start, end): diacritics, tatweel and joiners removed, alef forms → ا, ى → ي,
 * ة → ه, ؤ/ئ → ء, Arabic-Indic/Persian digits → ASCII, presentation forms → base letters, Latin lowercased
 * without accents. Characters the tokenizer never puts in a word (punctuation) are kept as they are.
 */
export function normalizeRange(text: string, start: number, end: number): string {
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (FOLD[c] !== c) break;
  }
  if (i === end) return copyRange(text, start, end);
  if (end - start > 256) return normalizeLong(text, start, end);
  let n = i - start;
  for (let k = 0; k < n; k++) buffer[k] = text.charCodeAt(start + k);
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = FOLD[c];
    if (f === c) buffer[n++] = c;
    else if (f === 0) {
      if (charClass[c] === CharClass.Mark) {
        if ((c === HAMZA_ABOVE || c === HAMZA_BELOW) && n > 0) {
          const prev = buffer[n - 1];
          if (prev === WAW || prev === YEH) buffer[n - 1] = HAMZA;
        }
        continue;
      }
      buffer[n++] = c; // an unmapped character (outside the tables): keep it
    } else if (f === MULTI) {
      const s = MULTI_FOLD.get(c) as string;
      for (let k = 0; k < s.length; k++) buffer[n++] = s.charCodeAt(k);
    } else buffer[n++] = f;
  }
  return fromBuffer(n);
}

/**
 * text.slice(start, end) as a string of its own. A plain slice of 13+ characters is a view that keeps the whole
 * source text alive; words are memoized and stored in indexes long after the article they came from is gone.
 */
export function copyRange(text: string, start: number, end: number): string {
  if (end - start < 13) return text.slice(start, end);
  let out = '';
  for (let from = start; from < end; from += 4096) {
    const to = Math.min(end, from + 4096);
    for (let k = from; k < to; k++) buffer[k - from] = text.charCodeAt(k);
    out += fromBuffer(to - from);
  }
  return out;
}

function normalizeLong(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 256) out += normalizeRange(text, i, Math.min(end, i + 256));
  return out;
}

/** Normalizes a whole string (every character, including punctuation, which is left alone). */
export function normalize(text: string): string {
  return normalizeRange(text, 0, text.length);
}

/** A word's surface aligned with its normalized form: the hamza-preserving spelling and the marks on each letter. */
export interface Surface {
  /** Same length as the normalized form; keeps أ إ آ ء ؤ ئ ى as written. */
  strict: string;
  /** Diacritic bits on each letter of the normalized form. */
  marks: Uint32Array;
}

/** The hamza-preserving spelling and per-letter diacritics of text[start, end), aligned with normalizeRange. */
export function surfaceOf(text: string, start: number, end: number): Surface {
  const codes: number[] = [];
  const marks: number[] = [];
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const f = STRICT_FOLD[c];
    if (f === 0) {
      const n = codes.length;
      if (n > 0 && (c === HAMZA_ABOVE || c === HAMZA_BELOW || c === MADDA_ABOVE)) {
        const prev = codes[n - 1];
        if (prev === ALEF) codes[n - 1] = c === HAMZA_ABOVE ? 0x0623 : c === HAMZA_BELOW ? 0x0625 : 0x0622;
        else if (prev === WAW && c === HAMZA_ABOVE) codes[n - 1] = 0x0624;
        else if ((prev === YEH || prev === ALEF_MAQSURA) && c === HAMZA_ABOVE) codes[n - 1] = 0x0626;
        continue;
      }
      if (charClass[c] === CharClass.Mark) {
        if (n > 0) marks[n - 1] |= MARK_BIT[c];
        continue;
      }
      codes.push(c);
      marks.push(0);
    } else if (f === MULTI) {
      const s = MULTI_STRICT_FOLD.get(c) as string;
      for (let k = 0; k < s.length; k++) {
        codes.push(s.charCodeAt(k));
        marks.push(0);
      }
    } else {
      codes.push(f);
      marks.push(0);
    }
  }
  return { strict: String.fromCharCode(...codes), marks: Uint32Array.from(marks) };
}
