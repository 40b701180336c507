// Every parameter of the second ranking stage, in one place. Tuned by scripts/eval-search/tune.ts on the tune
// split of scripts/eval-search/questions.jsonl only (never the test split).

/** The ranking a search uses when the request does not say (SearchRequest.ranking, `--ranking`). */
export const DEFAULT_RANKING: 'lunr' | 'rerank' = 'lunr';

/** How many of the best Lunr-ordered candidates are read again and re-ordered. */
export const RERANK_CANDIDATES = 100;

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

export const RERANK_WEIGHTS: RerankWeights = {
  lunr: 1,
  coverage: 1,
  proximity: 0.5,
  passage: 0.5,
  title: 0.3,
  lead: 0.2,
  phrase: 0.3,
  entity: 0.2,
  answer: 0.2,
};

export type RerankFeature = Exclude<keyof RerankWeights, 'lunr'>;
export const RERANK_FEATURES = Object.keys(RERANK_WEIGHTS).filter((k) => k !== 'lunr') as RerankFeature[];
