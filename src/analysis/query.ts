import { analyzeWord } from './analyzer.js';
import { normalize } from './normalize.js';

export interface QueryTermOptions {
  /** The word is a prefix typed before a `*` (Lunr passes wildcard terms to the index without the pipeline). */
  wildcard?: boolean;
  /** The word will be matched with an edit distance (`~n`). */
  fuzzy?: boolean;
}

/**
 * The term to look up for one query word typed by a user, analyzed exactly as indexed words are. Lunr does not run
 * the search pipeline on wildcard terms, so a caller building a wildcard clause passes the typed prefix (with or
 * without its `*`) here and uses the result as the clause term. Returns '' for stop words and empty input.
 *
 * For a wildcard prefix the result is the stem of the prefix read as a whole word: clitics (و، ال، ب…) and
 * endings it carries are removed, so "والاذربيجاني*" → "اذربيجان" and the stems of all its continuations start with
 * it. A stop word typed as a prefix ("من*") is kept as its normalized form, since longer words start with it.
 */
export function queryTermFor(raw: string, options: QueryTermOptions = {}): string {
  return queryTermsFor(raw, options)[0] ?? '';
}

/**
 * Like queryTermFor, but with the other readings of an ambiguous wildcard prefix after the first (best) one:
 * its normalized form as typed and with a leading conjunction/preposition removed. A caller may OR them.
 */
export function queryTermsFor(raw: string, options: QueryTermOptions = {}): string[] {
  const word = options.wildcard ? raw.replace(/\*+/g, '') : raw;
  const analysis = analyzeWord(word);
  if (analysis === undefined) return [];
  if (!options.wildcard) return analysis.stop ? [] : [analysis.term];
  const { norm } = analysis;
  const terms: string[] = [];
  const add = (t: string) => {
    if (t.length > 0 && !terms.includes(t)) terms.push(t);
  };
  if (!analysis.stop && analysis.term.length >= 3) add(analysis.term);
  const bare = norm.startsWith('ال') && norm.length > 3 ? norm.slice(2) : norm;
  add(bare.length >= 3 ? bare : norm);
  add(norm);
  if (/^[وفبلك]/.test(norm) && norm.length > 3) add(norm.slice(1));
  return terms;
}

/** Normalized (not stemmed) form of a query fragment, for callers that compare surface text. */
export function normalizeQuery(raw: string): string {
  return normalize(raw);
}
