// Runs every query through the search (re-ranking on, for every query) and keeps what the systems need, so that weight settings
// and ablations are compared without searching again: the candidates the re-ranker read (Lunr's order) with their
// features — with the question words left out, and kept — and stock lunr's top 10.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuery } from '../../src/search/query-parser.js';
import { isQuestion, withoutQuestionWords } from '../../src/search/question-words.js';
import { rerank, type RerankFeatures } from '../../src/search/rerank.js';
import { RERANK_CANDIDATES, type RerankWeights } from '../../src/search/rerank-weights.js';
import { searchArchive } from '../../src/search/run-search.js';
import { repo, type EvalCorpus } from './corpus.js';
import type { EvalQuery } from './queries.js';

export interface Stage1 {
  /** Lunr's order (as many as the re-ranker reads). */
  candidates: { doc: number; id: string; score: number }[];
  features: readonly RerankFeatures[];
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
  let seen: Stage1 = { candidates: [], features: [] };
  searchArchive(archive, { query: q, limit: 10, ranking: 'rerank' }, undefined, {
    keepQuestionWords,
    always: true,
    depth: 100,
    observe: (head, features) => {
      seen = { candidates: head.map((c) => ({ doc: c.doc, id: archive.meta(c.doc).id, score: c.score })), features };
    },
  });
  return seen;
}

export function stockTop(corpus: EvalCorpus, q: string): string[] {
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
export function reranked(s: Stage1, weights: RerankWeights, depth = RERANK_CANDIDATES): string[] {
  const head = s.candidates.slice(0, depth);
  const order = rerank(head, s.features.slice(0, depth), weights);
  return [...order, ...s.candidates.slice(depth)].slice(0, 10).map((c) => c.id);
}

/** The code the runs depend on (search and analysis), to know when cached runs are stale. */
function codeHash(): string {
  const h = createHash('sha1');
  for (const dir of ['src/search', 'src/analysis', 'src/index']) {
    for (const f of readdirSync(join(repo, dir)).sort()) if (f !== 'rerank-weights.ts') h.update(f).update(readFileSync(join(repo, dir, f)));
  }
  return h.digest('hex').slice(0, 12);
}

/** runQueries without the stock runs, kept on disk while the queries and the search code stay the same (for tuning). */
export function cachedRuns(corpus: EvalCorpus, queries: readonly EvalQuery[], name: string): QueryRun[] {
  const key = createHash('sha1')
    .update(codeHash())
    .update(JSON.stringify(queries.map((q) => [q.q, [...q.answers], q.split])))
    .digest('hex')
    .slice(0, 12);
  const file = join(corpus.work, `runs-${name}-${key}.json`);
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as (Omit<QueryRun, 'query'> & { query: EvalQuery & { answers: string[] } })[];
    return saved.map((r) => ({ ...r, query: { ...r.query, answers: new Set(r.query.answers) } }));
  }
  const runs = runQueries(corpus, queries, { stock: false });
  writeFileSync(file, JSON.stringify(runs.map((r) => ({ ...r, query: { ...r.query, answers: [...r.query.answers] } }))));
  return runs;
}

/** The default ranking's top 10: questions re-ranked, other queries in Lunr's order. */
export function defaultTop(r: QueryRun, weights: RerankWeights): string[] {
  return isQuestion(parseQuery(r.query.q), r.query.q) ? reranked(r.asked, weights) : lunrTop(r.kept);
}
