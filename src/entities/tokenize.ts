/** A word or punctuation mark of the text, with UTF-16 offsets (end exclusive). */
export interface Token {
  start: number;
  end: number;
  text: string;
}

// Letters (with their marks, tatweel included) and digits make words; every other visible code point is
// a token of its own. Line breaks end sentences, as do . ! ? ؟ (see splitSentences). Tokens are what
// /[\p{L}\p{M}\p{N}_]+|[^\s]/gu matches, found by a scan over code points classed once each.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const SPACE = /^\s$/u;
const SPACE_CLASS = 0;
const WORD_CLASS = 1;
const OTHER_CLASS = 2;
/** Class of each BMP code point, -1 until first seen. */
const bmpClasses = new Int8Array(0x10000).fill(-1);
const astralClasses = new Map<number, number>();

function classify(cp: number): number {
  const s = String.fromCodePoint(cp);
  return WORD_CHAR.test(s) ? WORD_CLASS : SPACE.test(s) ? SPACE_CLASS : OTHER_CLASS;
}

function classOf(cp: number): number {
  if (cp < 0x10000) {
    let c = bmpClasses[cp];
    if (c < 0) bmpClasses[cp] = c = classify(cp);
    return c;
  }
  let c = astralClasses.get(cp);
  if (c === undefined) astralClasses.set(cp, (c = classify(cp)));
  return c;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const cls = classOf(cp);
    if (cls === SPACE_CLASS) {
      i += size;
      continue;
    }
    let end = i + size;
    if (cls === WORD_CLASS) {
      while (end < n) {
        const next = text.codePointAt(end)!;
        if (classOf(next) !== WORD_CLASS) break;
        end += next > 0xffff ? 2 : 1;
      }
    }
    tokens.push({ start: i, end, text: text.slice(i, end) });
    i = end;
  }
  return tokens;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}

/** Groups tokens into sentences: after sentence-final punctuation and at blank or broken lines. */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (current.length > 0 && hasLineBreak(text, current[current.length - 1].end, token.start)) {
      sentences.push(current);
      current = [];
    }
    current.push(token);
    const final = SENTENCE_END.has(token.text) && (token.text !== '.' || !/\d/.test(text[token.end] ?? ''));
    if (final || current.length >= 200) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
