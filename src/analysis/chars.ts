// Character tables shared by the tokenizer and the normalizer, built once at module load.
// Every lookup in the hot loops is a typed-array read indexed by UTF-16 code unit.

/** What a code unit does inside the tokenizer. */
export const enum CharClass {
  Separator = 0,
  Arabic = 1,
  Latin = 2,
  Digit = 3,
  /** Diacritics, tatweel, joiners, combining marks: part of the word they sit in, dropped by normalization. */
  Mark = 4,
}

export const charClass = new Uint8Array(0x10000);

/**
 * FOLD[c] is the normalized code for c: 0 = drop, MULTI = look in MULTI_FOLD (expands to several chars).
 * Arabic hamza/alef folding happens here; STRICT_FOLD keeps alef-hamza forms, hamza carriers and alef maqsura
 * (for "match hamza exactly").
 */
export const FOLD = new Uint16Array(0x10000);
export const STRICT_FOLD = new Uint16Array(0x10000);
export const MULTI = 0xffff;
export const MULTI_FOLD = new Map<number, string>();
export const MULTI_STRICT_FOLD = new Map<number, string>();

/** Bit per diacritic, for "match diacritics" (0 for non-marks). */
export const MARK_BIT = new Uint32Array(0x10000);

function setRange(table: Uint8Array, from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) table[c] = value;
}

// ---- Arabic letters and their folding ----
const ALEF = 0x0627;
const YEH = 0x064a;
const HEH = 0x0647;
const HAMZA = 0x0621;

/** Folding of one Arabic letter (after compatibility decomposition); strict keeps the hamza/alef spelling. */
function foldArabic(c: number, strict: boolean): number {
  switch (c) {
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0622: // آ
    case 0x0671: // ٱ
    case 0x0672:
    case 0x0673:
    case 0x0675:
      return strict ? (c === 0x0671 || c > 0x0671 ? ALEF : c) : ALEF;
    case 0x0649: // ى
      return strict ? c : YEH;
    case 0x0624: // ؤ
    case 0x0626: // ئ
      return strict ? c : HAMZA;
    case 0x0678: // high hamza yeh
      return strict ? 0x0626 : HAMZA;
    case 0x0676: // high hamza waw
      return strict ? 0x0624 : HAMZA;
    case 0x06cc: // Persian yeh
    case 0x06d0:
    case 0x06d2:
    case 0x06d3:
      return YEH;
    case 0x0629: // ة
    case 0x06d5:
    case 0x06c0:
    case 0x06c1:
    case 0x06c2:
    case 0x06c3:
      return HEH;
    case 0x06a9: // keheh
    case 0x06aa:
      return 0x0643;
    case 0x06af: // gaf stays gaf (Persian/loanwords) but digits below
    default:
      if (c >= 0x0660 && c <= 0x0669) return 0x30 + (c - 0x0660);
      if (c >= 0x06f0 && c <= 0x06f9) return 0x30 + (c - 0x06f0);
      return c;
  }
}

/** Marks that belong to a word but are not letters: tashkeel, Quranic marks, tatweel, joiners. */
function isArabicMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08d3 && c <= 0x08ff && c !== 0x08e2) ||
    c === 0x0640 ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x063f) ||
    (c >= 0x0641 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ef) ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9)
  );
}

const COMBINING = /\p{M}/gu;
const LETTER = /^\p{L}$/u;

/** Lowercase, strip accents, fold Arabic letters; returns the folded string of one code unit's text. */
function foldString(s: string, strict: boolean): string {
  let out = '';
  const decomposed = s.normalize('NFKD').replace(COMBINING, (m) => (m === '\u0654' || m === '\u0655' || m === '\u0653' ? m : ''));
  const recomposed = decomposed.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
  for (let i = 0; i < recomposed.length; i++) {
    const c = recomposed.charCodeAt(i);
    if (c === 0x0653 || c === 0x0654 || c === 0x0655) continue;
    if (isArabicMark(c)) continue;
    const f = foldArabic(c, strict);
    out += String.fromCharCode(f);
  }
  return out;
}

function classify(c: number): CharClass {
  if (c >= 0x30 && c <= 0x39) return CharClass.Digit;
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return CharClass.Digit;
  if (isArabicMark(c)) return CharClass.Mark;
  if (c >= 0x0300 && c <= 0x036f) return CharClass.Mark;
  if (isArabicLetter(c)) return CharClass.Arabic;
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) {
    const s = String.fromCharCode(c).normalize('NFKC');
    if (s === String.fromCharCode(c)) return CharClass.Separator;
    for (let i = 0; i < s.length; i++) if (isArabicLetter(s.charCodeAt(i))) return CharClass.Arabic;
    for (let i = 0; i < s.length; i++) if (isArabicMark(s.charCodeAt(i))) return CharClass.Mark;
    return CharClass.Separator;
  }
  if (c >= 0xff10 && c <= 0xff19) return CharClass.Digit;
  if (c < 0x0600 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0xff21 && c <= 0xff5a)) {
    if (c >= 0xd800 && c <= 0xdfff) return CharClass.Separator;
    if (c === 0xaa || c === 0xba || c === 0xb5) return CharClass.Separator;
    if (LETTER.test(String.fromCharCode(c)) && c < 0x0370) return CharClass.Latin;
    if (c >= 0x1e00 && c <= 0x1eff) return CharClass.Latin;
    if (c >= 0xff21 && c <= 0xff5a && LETTER.test(String.fromCharCode(c))) return CharClass.Latin;
  }
  return CharClass.Separator;
}

const MARK_BITS: Record<number, number> = {
  0x064b: 1, // fathatan
  0x064c: 2, // dammatan
  0x064d: 4, // kasratan
  0x064e: 8, // fatha
  0x064f: 16, // damma
  0x0650: 32, // kasra
  0x0651: 64, // shadda
  0x0652: 128, // sukun
  0x0670: 256, // superscript alef
  0x06e1: 128, // Quranic sukun
};

function build(): void {
  const ranges: [number, number][] = [
    [0x0000, 0x036f],
    [0x0600, 0x06ff],
    [0x0750, 0x077f],
    [0x08a0, 0x08ff],
    [0x1e00, 0x1eff],
    [0x200c, 0x200d],
    [0xfb50, 0xfdff],
    [0xfe20, 0xfe2f],
    [0xfe70, 0xfefc],
    [0xff10, 0xff5a],
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const cls = classify(c);
      charClass[c] = cls;
      if (cls === CharClass.Separator) continue;
      if (cls === CharClass.Mark) {
        FOLD[c] = 0;
        STRICT_FOLD[c] = 0;
        MARK_BIT[c] = MARK_BITS[c] ?? (c >= 0x0300 && c <= 0x036f ? 0 : 512);
        continue;
      }
      for (const strict of [false, true]) {
        const table = strict ? STRICT_FOLD : FOLD;
        const multi = strict ? MULTI_STRICT_FOLD : MULTI_FOLD;
        const folded = foldString(String.fromCharCode(c), strict);
        if (folded.length === 1) table[c] = folded.charCodeAt(0);
        else if (folded.length === 0) table[c] = 0;
        else {
          table[c] = MULTI;
          multi.set(c, folded);
        }
      }
    }
  }
  // Compatibility forms that carry a diacritic (e.g. FE76 fatha isolated form) are marks.
  setRange(charClass, 0xfe70, 0xfe7f, CharClass.Mark);
  for (let c = 0xfe70; c <= 0xfe7f; c++) {
    const base = String.fromCharCode(c).normalize('NFKC').replace(/[\u0020\u0640]/g, '');
    if (base.length === 1 && MARK_BITS[base.charCodeAt(0)] !== undefined) {
      FOLD[c] = 0;
      STRICT_FOLD[c] = 0;
      MARK_BIT[c] = MARK_BITS[base.charCodeAt(0)];
    } else {
      charClass[c] = CharClass.Separator;
    }
  }
}

build();
