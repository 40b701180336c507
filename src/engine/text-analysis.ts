// The engine's view of the Arabic analyzer (src/analysis). Everything the engine needs from it goes through
// this file, so the index, the query parser, phrase checks and highlights all read text the same way.
import lunr from 'lunr';
import type { AnalyzedToken } from '../api.js';
import {
  analyze,
  ARABIC_QUERY_FUNCTION,
  findMatches,
  indexTerms as analyzerIndexTerms,
  normalizeQuery,
  queryTermFor,
  queryTermsFor,
  registerArabicAnalyzer,
  someWord,
  type MatchOptions,
} from '../analysis/index.js';

export type { MatchOptions };

export interface TermToken {
  start: number;
  end: number;
  /** The index term ('' for a stop word). */
  term: string;
  norm: string;
  stop: boolean;
}

/** Every word of `text` with its index term, in order. */
export function analyzeTokens(text: string): TermToken[] {
  return analyze(text);
}

/** Calls visit(word, start, end) for each word of `text` in order until it returns true; returns whether it did. */
export function someWordOf(text: string, visit: (word: Omit<TermToken, 'start' | 'end'>, start: number, end: number) => boolean): boolean {
  return someWord(text, visit);
}

/** The index terms of `text` (stop words left out), in order, with repeats. */
export function indexTerms(text: string): string[] {
  return analyzerIndexTerms(text);
}

/** The index term of one query word ('' for a stop word). */
export function queryTerm(word: string, opts: { fuzzy?: boolean } = {}): string {
  return queryTermFor(word, opts);
}

/** The readings of a wildcard prefix as index-term prefixes, best first (Lunr skips its pipeline for these). */
export function wildcardPrefixes(prefix: string): string[] {
  return queryTermsFor(prefix, { wildcard: true });
}

/** A wildcard piece other than a prefix (`*word`, `wo*rd`): normalized like the index, not stemmed. */
export function queryTermForm(piece: string): string {
  return normalizeQuery(piece);
}

/** Ranges of `text` where any of `words` occurs (a word ending in * matches as a prefix), in document order. */
export function findWordMatches(text: string, words: readonly string[], opts: MatchOptions = {}): [number, number][] {
  return findMatches(text, words, opts);
}

/** The analyzer's reading of a text, as the API's analyze method returns it. */
export function analyzeForApi(text: string): AnalyzedToken[] {
  return analyze(text);
}

/** Lunr's search pipeline with the Arabic analyzer (the engine analyzes query terms itself; kept for Lunr callers). */
export function arabicSearchPipeline(): lunr.Pipeline {
  registerArabicAnalyzer(lunr);
  const fn = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> })
    .registeredFunctions[ARABIC_QUERY_FUNCTION];
  const pipeline = new lunr.Pipeline();
  if (fn) pipeline.add(fn);
  return pipeline;
}
