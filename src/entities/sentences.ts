import { foldArabic } from './normalize.js';
import { splitSentences, tokenize, type Token } from './tokenize.js';

/** The text as the tagger reads it: sentences of tokens, with the folded form of each token. */
export interface TaggerInput {
  tokens: Token[];
  words: string[];
}

export function taggerSentences(text: string): TaggerInput[] {
  return splitSentences(text, tokenize(text)).map((tokens) => ({ tokens, words: tokens.map((t) => foldArabic(t.text)) }));
}
