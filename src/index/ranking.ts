// Every number that decides the order of search results, in one place. Scores are Lunr 2.3.9's (BM25 per field,
// cosine of query and document vectors), which test/unit/index/segment-scorer.test.ts checks against stock Lunr;
// changing a number here changes rankings: compare before and after with scripts/compare-search.ts.
// Not a number, but part of the ranking: full matches (every word) come before partial ones
// (src/search/run-search.ts, step 4). Questions are then re-ordered by a second stage whose weights are in
// src/search/rerank-weights.ts.
import { FIELDS, type FieldName } from './fields.js';

/** How much a match in each field weighs against one in the body (a title word counts four times). */
export const FIELD_BOOST: Record<FieldName, number> = {
  title: 4,
  body: 1,
  source: 1,
  tags: 2,
  person: 1,
  place: 1,
  org: 1,
};

/** FIELD_BOOST in FIELDS order. */
export const FIELD_BOOSTS: readonly number[] = FIELDS.map((f) => FIELD_BOOST[f]);

/** BM25 k1: how fast repeats of a term stop adding to its weight in a field (Lunr's default). */
export const BM25_K1 = 1.2;

/** BM25 b: how much a long field is penalised against the average length of that field (Lunr's default). */
export const BM25_B = 0.75;

/** Field weights are rounded to this many decimals, as Lunr rounds them (so scores match it exactly). */
export const WEIGHT_DECIMALS = 3;

/** A query word's weight when the query gives none (`word^2` gives 2). */
export const DEFAULT_CLAUSE_BOOST = 1;
