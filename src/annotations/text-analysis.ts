import type { AnalyzedToken, Span } from '../api.js';

/** The Arabic analyzer (the engine's `analyze`): tokens with their normalised form and clitic-free term. */
export type Analyze = (text: string) => Promise<AnalyzedToken[]>;

/** What the annotation features need from a text: normalised words and terms, analysed once and cached. */
export interface AnalyzedText {
  tokens: AnalyzedToken[];
  /** Normalised words joined by single spaces: substring search ignores diacritics, hamza and spelling variants. */
  norm: string;
  terms: Set<string>;
}

const termOf = (t: AnalyzedToken) => t.term || t.norm;

/** Caches analyses by text (notes are analysed again only when they change). */
export class TextAnalysisCache {
  private readonly cache = new Map<string, Promise<AnalyzedText>>();

  constructor(
    private readonly analyze: Analyze,
    private readonly limit = 5000,
  ) {}

  get(text: string): Promise<AnalyzedText> {
    let hit = this.cache.get(text);
    if (hit) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return hit;
    }
    hit = this.analyze(text).then((tokens) => ({
      tokens,
      norm: tokens.map((t) => t.norm).join(' '),
      terms: new Set(tokens.map(termOf)),
    }));
    hit.catch(() => this.cache.delete(text));
    this.cache.set(text, hit);
    if (this.cache.size > this.limit) this.cache.delete(this.cache.keys().next().value as string);
    return hit;
  }
}

/**
 * Where a name occurs in analysed text, in any clitic form (و، ب، ل، ال…) and spelling the analyzer folds together:
 * runs of consecutive tokens whose terms equal the name's terms. Spans cover the whole words.
 */
export function findNameOccurrences(textTokens: AnalyzedToken[], nameTokens: AnalyzedToken[]): Span[] {
  const name = nameTokens.map(termOf).filter((t) => t !== '');
  if (name.length === 0) return [];
  const spans: Span[] = [];
  outer: for (let i = 0; i + name.length <= textTokens.length; i++) {
    for (let k = 0; k < name.length; k++) {
      if (termOf(textTokens[i + k]) !== name[k]) continue outer;
    }
    spans.push({ start: textTokens[i].start, end: textTokens[i + name.length - 1].end });
    i += name.length - 1;
  }
  return spans;
}

/** Query words to look for: the terms of the non-stop words (all words when every one is a stop word). */
export function queryTerms(tokens: AnalyzedToken[]): string[] {
  const content = tokens.filter((t) => !t.stop);
  return [...new Set((content.length > 0 ? content : tokens).map(termOf).filter((t) => t !== ''))];
}

export { termOf };
