// Text that was already garbled before it was saved: UTF-8 Arabic read as Windows-1252 ("Ø§Ù„") or as
// Windows-1256 ("ط§ظ„") and written out again. Such text is turned back into Arabic when the bytes allow it.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

interface CodePage {
  /** Character → byte, as browsers (WHATWG encodings) decode the page. */
  encode: Map<string, number>;
  /** Lead byte 0xD8/0xD9 (Arabic letters in UTF-8) followed by a continuation byte 0x80–0xBF. */
  garbledPair: RegExp;
}

function codePage(name: string): CodePage {
  const decoder = new TextDecoder(name);
  const encode = new Map<string, number>();
  for (let b = 0; b < 256; b++) encode.set(decoder.decode(Uint8Array.of(b)), b);
  const chars = (from: number, to: number): string =>
    Array.from({ length: to - from + 1 }, (_, i) => decoder.decode(Uint8Array.of(from + i)))
      .join('')
      .replace(/[\\\]^-]/g, '\\$&');
  return { encode, garbledPair: new RegExp(`[${chars(0xd8, 0xd9)}][${chars(0x80, 0xbf)}]`, 'g') };
}

const CODE_PAGES = [codePage('windows-1252'), codePage('windows-1256')];
const MIN_PAIRS = 4;
/** Share of the text's letters that must be garbled pairs before it counts as garbled. */
const MIN_PAIR_SHARE = 0.15;

export type MojibakeCheck = { garbled: false } | { garbled: true; repaired?: string };

/** How many garbled pairs of each code page the text holds. */
export function garbledPairCounts(text: string): number[] {
  return CODE_PAGES.map((page) => {
    page.garbledPair.lastIndex = 0;
    return text.match(page.garbledPair)?.length ?? 0;
  });
}

const NOT_LETTER = /[\s\d\p{P}]/u;
let notLetterTable: Uint8Array | undefined;

/** 1 for each UTF-16 code unit outside the surrogates that NOT_LETTER matches. */
function notLetters(): Uint8Array {
  if (!notLetterTable) {
    notLetterTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && NOT_LETTER.test(String.fromCharCode(c))) notLetterTable[c] = 1;
  }
  return notLetterTable;
}

/**
 * The letters (anything but spaces, digits and punctuation) a garbled-pair count is weighed against: the length of
 * `text.replace(/[\s\d\p{P}]/gu, '')`, counted without building it.
 */
export function letterCount(text: string): number {
  const table = notLetters();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (!NOT_LETTER.test(text.slice(i, i + 2))) n += 2;
        i++;
        continue;
      }
    }
    if (!table[c]) n++;
  }
  return n;
}

/** Whether `pairs` garbled pairs among `letters` letters make a text garbled. */
export function looksGarbled(pairs: number, letters: number): boolean {
  return pairs >= MIN_PAIRS && (pairs * 2) / Math.max(1, letters) >= MIN_PAIR_SHARE;
}

export function checkMojibake(text: string): MojibakeCheck {
  let letters = -1;
  const counts = garbledPairCounts(text);
  for (const [i, page] of CODE_PAGES.entries()) {
    if (counts[i] < MIN_PAIRS) continue;
    if (letters < 0) letters = letterCount(text);
    if (!looksGarbled(counts[i], letters)) continue;
    return { garbled: true, repaired: reencode(text, page) };
  }
  return { garbled: false };
}

function reencode(text: string, page: CodePage): string | undefined {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = page.encode.get(text[i]);
    if (b === undefined) return undefined;
    bytes[i] = b;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
