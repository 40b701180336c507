import type { AnalyzedToken, Span } from '../api.js';
import { IGNORABLE_MARK } from './arabic-marks.js';

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

/** Attached conjunction, preposition and article in front of a (normalised) name: و ف, then ب ك ل, then ال; or لل. */
const PROCLITICS = /^[وف]?(?:[بكل]?(?:ال)?|لل)$/;

/** How many leading characters of normalised `word` are clitics in front of `name`, or -1 when it is another word. */
export function cliticPrefix(word: string, name: string): number {
  if (word === name) return 0;
  if (word.length > name.length && word.endsWith(name) && PROCLITICS.test(word.slice(0, word.length - name.length))) {
    return word.length - name.length;
  }
  // ل + الاسم → للاسم (the article's alef drops): للقاهرة is لـ + القاهرة.
  if (name.startsWith('ال') && name.length > 2) {
    const bare = name.slice(2);
    const prefix = word.slice(0, word.length - bare.length);
    if (word.endsWith(bare) && /^[وف]?لل$/.test(prefix)) return prefix.length - 1;
  }
  return -1;
}

/**
 * Where a name occurs in analysed text: runs of consecutive words whose normalised forms (hamza, diacritics, ى/ي,
 * ة/ه folded by the analyzer) equal the name's, the first one possibly with attached clitics (وباشينيان،
 * لباشينيان، والقاهرة، للقاهرة). The span leaves the clitics out. Stricter than the stemmed index term on purpose: a
 * taught name must not spread to other words sharing its stem (أرمينيا is not الأرميني).
 */
export function findNameOccurrences(text: string, textTokens: AnalyzedToken[], nameTokens: AnalyzedToken[]): Span[] {
  const name = nameTokens.map((t) => t.norm).filter((n) => n !== '');
  if (name.length === 0) return [];
  const spans: Span[] = [];
  outer: for (let i = 0; i + name.length <= textTokens.length; i++) {
    const skip = cliticPrefix(textTokens[i].norm, name[0]);
    if (skip < 0) continue;
    for (let k = 1; k < name.length; k++) {
      if (textTokens[i + k].norm !== name[k]) continue outer;
    }
    const first = textTokens[i];
    spans.push({ start: skipLetters(text, first.start, first.end, skip), end: textTokens[i + name.length - 1].end });
    i += name.length - 1;
  }
  return spans;
}

/** The offset after `letters` letters of text[start, end) (the marks on them included). */
function skipLetters(text: string, start: number, end: number, letters: number): number {
  let at = start;
  for (let n = 0; n < letters && at < end; n++) {
    at++;
    while (at < end && IGNORABLE_MARK.test(text[at])) at++;
  }
  return at;
}

/** Query words to look for: the terms of the non-stop words (all words when every one is a stop word). */
export function queryTerms(tokens: AnalyzedToken[]): string[] {
  const content = tokens.filter((t) => !t.stop);
  return [...new Set((content.length > 0 ? content : tokens).map(termOf).filter((t) => t !== ''))];
}

export { termOf };
