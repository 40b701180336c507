/** A word or punctuation mark of the text, with UTF-16 offsets (end exclusive). */
export interface Token {
  start: number;
  end: number;
  text: string;
}

// Letters (with their marks, tatweel included) and digits make words; every other visible code point is
// a token of its own. Line breaks end sentences, as do . ! ? ؟ (see splitSentences).
const TOKEN = /[\p{L}\p{M}\p{N}_]+|[^\s]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    tokens.push({ start, end: start + m[0].length, text: m[0] });
  }
  return tokens;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '…']);

/** Groups tokens into sentences: after sentence-final punctuation and at blank or broken lines. */
export function splitSentences(text: string, tokens: Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (current.length > 0 && text.slice(current[current.length - 1].end, token.start).includes('\n')) {
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
