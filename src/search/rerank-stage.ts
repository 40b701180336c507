// Whether and how a search re-ranks: the switch (SearchRequest.ranking, re-ranking by default), only questions
// (a question word or mark), the query the index is asked (question words left out), and the re-ordering of the
// best candidates.
import type { SearchRequest } from '../api.js';
import type { LoadedArchive } from '../index/loaded-archive.js';
import type { PreparedQuery } from './prepare-query.js';
import { answerKindOf, isQuestion, withoutQuestionWords, type AnswerKind } from './question-words.js';
import type { ParsedQuery } from './query-types.js';
import { candidateFeatures, rerank, type RerankFeatures } from './rerank.js';
import { DEFAULT_RANKING, RERANK_CANDIDATES, RERANK_WEIGHTS, type RerankWeights } from './rerank-weights.js';

/** Overrides for evaluation and tuning (scripts/eval-search). */
export interface RankingTuning {
  weights?: RerankWeights;
  keepQuestionWords?: boolean;
  /** Re-rank every query, not only questions. */
  always?: boolean;
  /** How many candidates to read (default RERANK_CANDIDATES). */
  depth?: number;
  /** Told the candidates read again (Lunr's order) and their features. */
  observe?: (head: readonly { doc: number; score: number }[], features: readonly RerankFeatures[]) => void;
}

export interface Reranking {
  weights: RerankWeights;
  kind: AnswerKind | undefined;
  /** How many of the best candidates are re-ordered. */
  depth: number;
  /** The query as the index is asked it. */
  asked: ParsedQuery;
  observe?: RankingTuning['observe'];
}

export function rerankingFor(req: SearchRequest, parsed: ParsedQuery, tuning: RankingTuning = {}): Reranking | undefined {
  if ((req.ranking ?? DEFAULT_RANKING) === 'lunr' || req.sort === 'date') return undefined;
  // Names and title words are found as well by Lunr's scoring alone (the title queries of eval:search).
  if (!tuning.always && !isQuestion(parsed, req.query)) return undefined;
  return {
    weights: tuning.weights ?? RERANK_WEIGHTS,
    kind: answerKindOf(parsed),
    depth: tuning.depth ?? RERANK_CANDIDATES,
    asked: tuning.keepQuestionWords ? parsed : withoutQuestionWords(parsed),
    observe: tuning.observe,
  };
}

/** `ordered` (Lunr's order, at least `depth` long when there are that many) with its first `depth` re-ordered. */
export function rerankHead<T extends { doc: number; score: number }>(archive: LoadedArchive, prepared: PreparedQuery, ordered: T[], r: Reranking | undefined): T[] {
  if (!r || ordered.length < 2) return ordered;
  const head = ordered.slice(0, r.depth);
  const features = candidateFeatures(
    archive,
    prepared,
    head.map((c) => c.doc),
    r.kind,
  );
  r.observe?.(head, features);
  return [...rerank(head, features, r.weights), ...ordered.slice(r.depth)];
}
