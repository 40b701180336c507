// The Arabic analyzer: tokenization with offsets, normalization, light stemming, stop words, query terms
// (including wildcard/fuzzy) and match positions with strictness options.
//
// Index terms: `indexTerms(text)`. Wildcard clauses: `queryTermsFor(prefix, { wildcard: true })`.
// Highlights and strict (diacritics/hamza) matching: `findMatches(text, queryWords, options)`.
export { tokenize, forEachToken, scanWords, newWordSpans, type TokenSpan, type WordSpans } from './tokenize.js';
export { normalize, normalizeRange, surfaceOf, type Surface } from './normalize.js';
export { stemArabic, type Stem } from './stem.js';
export { isStopWord, STOP_WORDS } from './stopwords.js';
export {
  analyze,
  analyzeWord,
  analyzeWordAt,
  indexTerms,
  forEachTerm,
  someWord,
  termOf,
  clearAnalyzerCache,
  type WordAnalysis,
} from './analyzer.js';
export { queryTermFor, queryTermsFor, normalizeQuery, type QueryTermOptions } from './query.js';
export { findMatches, withinEditDistance, type MatchOptions } from './match.js';
export { nameForm, type NameForm } from './name-form.js';
