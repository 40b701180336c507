// Helpers for right-to-left text with embedded Latin words and numbers.

export type TextDirection = 'rtl' | 'ltr';

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Arabic presentation forms.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/** Direction of the first strong letter (the Unicode "first strong" rule), or `fallback` when none. */
export function firstStrongDirection(text: string, fallback: TextDirection = 'rtl'): TextDirection {
  for (const ch of text) {
    if (RTL.test(ch)) return 'rtl';
    if (STRONG.test(ch)) return 'ltr';
  }
  return fallback;
}

export interface Paragraph {
  start: number;
  end: number;
  dir: TextDirection;
}

/**
 * Splits a text into paragraphs at line breaks (blank lines and single newlines alike), keeping offsets
 * into the original string; each paragraph gets its own direction so a Latin paragraph inside an Arabic
 * article reads left-to-right. Whitespace-only lines are dropped.
 */
export function splitParagraphs(text: string, fallback: TextDirection = 'rtl'): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const line = m[0];
    const lead = line.length - line.trimStart().length;
    const trail = line.length - line.trimEnd().length;
    if (line.trim() === '') continue;
    const start = m.index + lead;
    const end = m.index + line.length - trail;
    paragraphs.push({ start, end, dir: firstStrongDirection(text.slice(start, end), fallback) });
  }
  return paragraphs;
}

/** The direction most of the strong letters in `text` read in (ties and letterless text → fallback). */
export function dominantDirection(text: string, fallback: TextDirection = 'rtl'): TextDirection {
  let rtl = 0;
  let ltr = 0;
  for (const ch of text) {
    if (RTL.test(ch)) rtl++;
    else if (STRONG.test(ch)) ltr++;
  }
  return rtl === ltr ? fallback : rtl > ltr ? 'rtl' : 'ltr';
}
