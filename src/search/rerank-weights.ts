// Every parameter of the second ranking stage, in one place. Tuned by scripts/eval-search/tune.ts on the tune
// split of scripts/eval-search/questions.jsonl only (never the test split).

/** The ranking a search uses when the request does not say (SearchRequest.ranking, `--ranking`). */
export const DEFAULT_RANKING: 'lunr' | 'rerank' = 'rerank';

/** How many of the best Lunr-ordered candidates are read again and re-ordered (eval:search: re-ordering 20, 50
 * or 100 of them gives the same MRR@10 on the tune split; each one read costs about 0.3 ms of CPU). */
export const RERANK_CANDIDATES = 20;

/** Window sizes, in words (stop words not counted), for the proximity features. */
export const NEAR_WINDOW = 8;
export const PASSAGE_WINDOW = 40;
/** Words either side of the best passage where a date or number answers متى / كم. */
export const ANSWER_REACH = 12;
/** Words (stop words not counted) at the start of the body read as its first paragraph. */
export const LEAD_WORDS = 60;

export interface RerankWeights {
  /** Lunr's score, divided by the best candidate's. */
  lunr: number;
  /** 1 / (1 + the candidate's place in Lunr's order): full matches first, as Lunr-only ranking has them. */
  order: number;
  /** Share of the query's words (weighted by idf) the article has anywhere. */
  coverage: number;
  /** Best share of them within NEAR_WINDOW words. */
  proximity: number;
  /** Best share of them within PASSAGE_WINDOW words. */
  passage: number;
  /** Share found in the title. */
  title: number;
  /** Share found in the first LEAD_WORDS words of the body. */
  lead: number;
  /** Share of the query's neighbouring word pairs found side by side. */
  phrase: number;
  /** Share of the query's words inside whole entity names (of two words or more) the query spells out. */
  entity: number;
  /** 1 when the question asks متى / كم and a date / number stands near the best passage. */
  answer: number;
}

// Tuned by `npm run tune:search` (coordinate ascent on the tune split's MRR@10, 227 questions).
export const RERANK_WEIGHTS: RerankWeights = {
  lunr: 2,
  order: 2,
  coverage: 0.05,
  proximity: 0,
  passage: 3,
  title: 0.2,
  lead: 1,
  phrase: 0,
  entity: 3,
  answer: 1.5,
};

/** What the re-ranker reads in an article (the other weights are about Lunr's scoring and order). */
export type RerankFeature = Exclude<keyof RerankWeights, 'lunr' | 'order'>;
export const RERANK_FEATURES = Object.keys(RERANK_WEIGHTS).filter((k) => k !== 'lunr' && k !== 'order') as RerankFeature[];
