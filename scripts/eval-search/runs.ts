// Runs every query through the search (re-ranking on) and keeps what the systems need, so that weight settings
// and ablations are compared without searching again: the candidates the re-ranker read (Lunr's order) with their
// features — with the question words left out, and kept — and stock lunr's top 10.
import { parseQuery } from '../../src/search/query-parser.js';
import { withoutQuestionWords } from '../../src/search/question-words.js';
import { rerank, type RerankFeatures } from '../../src/search/rerank.js';
import type { RerankWeights } from '../../src/search/rerank-weights.js';
import { searchArchive } from '../../src/search/run-search.js';
import type { EvalCorpus } from './corpus.js';
import type { EvalQuery } from './queries.js';

export interface Stage1 {
  /** Lunr's order (as many as the re-ranker reads). */
  candidates: { doc: number; id: string; score: number }[];
  features: readonly RerankFeatures[];
  /** The search's own top 10. */
  top: string[];
}

export interface QueryRun {
  query: EvalQuery;
  /** Question words left out (the re-ranker's query). */
  asked: Stage1;
  /** Question words kept: its candidates are Lunr-only scoring's order. */
  kept: Stage1;
  stock: string[];
}

function stage1(corpus: EvalCorpus, q: string, keepQuestionWords: boolean): Stage1 {
  const archive = corpus.archive;
  let seen: Stage1 = { candidates: [], features: [], top: [] };
  const r = searchArchive(archive, { query: q, limit: 10, ranking: 'rerank' }, undefined, {
    keepQuestionWords,
    observe: (head, features) => {
      seen = { candidates: head.map((c) => ({ doc: c.doc, id: archive.meta(c.doc).id, score: c.score })), features, top: [] };
    },
  });
  seen.top = r.hits.map((h) => h.id);
  return seen;
}

function stockTop(corpus: EvalCorpus, q: string): string[] {
  // Stock lunr reads + - : ~ ^ * as syntax and throws on some of them; a query it cannot read finds nothing.
  try {
    return corpus.stock.search(q).slice(0, 10).map((r) => r.ref);
  } catch {
    try {
      return corpus.stock.search(q.replace(/[+\-:~^*]/g, ' ')).slice(0, 10).map((r) => r.ref);
    } catch {
      return [];
    }
  }
}

export function runQueries(corpus: EvalCorpus, queries: readonly EvalQuery[], opts: { stock?: boolean } = {}): QueryRun[] {
  return queries.map((query) => {
    const parsed = parseQuery(query.q);
    const kept = stage1(corpus, query.q, true);
    return {
      query,
      kept,
      asked: withoutQuestionWords(parsed) === parsed ? kept : stage1(corpus, query.q, false),
      stock: opts.stock === false ? [] : stockTop(corpus, query.q),
    };
  });
}

export function lunrTop(s: Stage1, k = 10): string[] {
  return s.candidates.slice(0, k).map((c) => c.id);
}

/** The top 10 when only the first `depth` candidates are re-ordered with `weights`. */
export function reranked(s: Stage1, weights: RerankWeights, depth = s.candidates.length): string[] {
  const head = s.candidates.slice(0, depth);
  const order = rerank(head, s.features.slice(0, depth), weights);
  return [...order, ...s.candidates.slice(depth)].slice(0, 10).map((c) => c.id);
}
