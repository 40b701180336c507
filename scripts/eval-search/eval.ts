// Search quality on question-style queries and title-like known-item queries:
//
//   npm run eval:search -- [corpus.jsonl.gz] [--questions FILE] [--titles N] [--no-stock] [--examples N]
//
// prints MRR@10, Recall@10 and nDCG@10 on the question set's tune and test splits and on generated title queries,
// for Lunr-only scoring (today's order, `--ranking lunr`), the re-ranker (the default), stock lunr 2.3.9 +
// lunr-languages' Arabic, and the re-ranker with each feature turned off. The corpus is $ANT_CORPUS or
// ../shared/data/corpus/ant-v1.1.jsonl.gz unless given; its index is cached between runs.
import { RERANK_FEATURES, RERANK_WEIGHTS, type RerankWeights } from '../../src/search/rerank-weights.js';
import { corpusPath, openEvalCorpus } from './corpus.js';
import { meanScores, scoresOf } from './metrics.js';
import { loadQuestions, titleQueries, type EvalQuery } from './queries.js';
import { searchArchive } from '../../src/search/run-search.js';
import { cachedRuns, defaultTop, lunrTop, reranked, stockTop, type QueryRun } from './runs.js';

interface Options {
  corpus?: string;
  questions?: string;
  titles: number;
  stock: boolean;
  examples: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { titles: 300, stock: true, examples: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--questions') o.questions = argv[++i];
    else if (a === '--titles') o.titles = Number(argv[++i]);
    else if (a === '--no-stock') o.stock = false;
    else if (a === '--examples') o.examples = Number(argv[++i]);
    else if (a.startsWith('--')) {
      console.error(`eval:search: unknown option ${a}`);
      process.exit(2);
    } else o.corpus = a;
  }
  return o;
}

type System = { name: string; top: (r: QueryRun) => string[] };

function systems(stock: boolean): System[] {
  const without = (f: keyof RerankWeights): RerankWeights => ({ ...RERANK_WEIGHTS, [f]: 0 });
  return [
    { name: 'Lunr only (--ranking lunr)', top: (r) => lunrTop(r.kept) },
    ...(stock ? [{ name: 'stock lunr 2.3.9 + lunr.ar', top: (r: QueryRun) => r.stock }] : []),
    { name: 'Lunr, question words left out', top: (r) => lunrTop(r.asked) },
    { name: 're-ranked (default)', top: (r) => defaultTop(r, RERANK_WEIGHTS) },
    { name: '  re-ranking every query', top: (r) => reranked(r.asked, RERANK_WEIGHTS) },
    { name: '  − question-word removal', top: (r) => reranked(r.kept, RERANK_WEIGHTS) },
    { name: '  − Lunr score', top: (r) => defaultTop(r, without('lunr')) },
    { name: "  − Lunr's order", top: (r) => defaultTop(r, without('order')) },
    ...RERANK_FEATURES.map((f) => ({ name: `  − ${f}`, top: (r: QueryRun) => defaultTop(r, without(f)) })),
    ...[30, 50, 100].map((d) => ({ name: `  re-ranking the top ${d}`, top: (r: QueryRun) => reranked(r.asked, RERANK_WEIGHTS, d) })),
  ];
}

const fmt = (x: number) => x.toFixed(3);

function table(runs: QueryRun[], list: System[]): void {
  const splits = ['tune', 'test', 'titles'] as const;
  const counts = splits.map((s) => runs.filter((r) => r.query.split === s).length);
  console.log(`\n${'system'.padEnd(32)} ${splits.map((s, i) => `${s} (${counts[i]}): MRR  R@10  nDCG`.padEnd(30)).join(' ')}`);
  for (const sys of list) {
    const cells = splits.map((s) => {
      const m = meanScores(runs.filter((r) => r.query.split === s).map((r) => scoresOf(sys.top(r), r.query.answers)));
      return `${fmt(m.mrr)} ${fmt(m.recall)} ${fmt(m.ndcg)}`.padEnd(30);
    });
    console.log(`${sys.name.padEnd(32)} ${cells.join(' ')}`);
  }
}

function rankOf(top: string[], answers: Set<string>): number {
  const i = top.findIndex((id) => answers.has(id));
  return i < 0 ? 11 : i + 1;
}

function examples(runs: QueryRun[], n: number): void {
  const test = runs.filter((r) => r.query.split === 'test');
  const diffs = test.map((r) => ({ r, before: rankOf(lunrTop(r.kept), r.query.answers), after: rankOf(defaultTop(r, RERANK_WEIGHTS), r.query.answers) }));
  const show = (title: string, list: typeof diffs) => {
    console.log(`\n${title}`);
    for (const d of list) console.log(`  ${d.before > 10 ? '>10' : d.before} → ${d.after > 10 ? '>10' : d.after}  ${d.r.query.q}  [${d.r.query.kind ?? ''}]`);
  };
  show(`test queries where the re-ranker wins most (rank of the first answer, Lunr only → re-ranked):`, [...diffs].sort((a, b) => b.before - b.after - (a.before - a.after)).filter((d) => d.after < d.before).slice(0, n));
  show(`test queries where it loses most:`, [...diffs].sort((a, b) => a.before - a.after - (b.before - b.after)).filter((d) => d.after > d.before).slice(0, n));
  const won = diffs.filter((d) => d.after < d.before).length;
  const lost = diffs.filter((d) => d.after > d.before).length;
  console.log(`  (${won} better, ${lost} worse, ${diffs.length - won - lost} unchanged of ${diffs.length})`);
}

/** Re-ordering the observed candidates in memory gives the search's own top 10 (what every figure relies on). */
function checkAgainstSearch(corpus: Awaited<ReturnType<typeof openEvalCorpus>>, runs: QueryRun[], sample = 60): void {
  const picked = runs.filter((_, i) => i % Math.max(1, Math.floor(runs.length / sample)) === 0);
  const differ = picked.filter((r) => searchArchive(corpus.archive, { query: r.query.q, limit: 10 }).hits.map((h) => h.id).join() !== defaultTop(r, RERANK_WEIGHTS).join());
  console.log(`\ncheck: the search's own top 10 differs from the one recomputed here for ${differ.length} of ${picked.length} sampled queries`);
}

function byKind(runs: QueryRun[]): void {
  const kinds = [...new Set(runs.filter((r) => r.query.split !== 'titles').map((r) => r.query.kind ?? '?'))].sort();
  if (kinds.length < 2) return;
  console.log('\nMRR@10 by kind of question (tune + test): Lunr only → re-ranked');
  for (const k of kinds) {
    const rs = runs.filter((r) => r.query.split !== 'titles' && (r.query.kind ?? '?') === k);
    const m = (f: (r: QueryRun) => string[]) => meanScores(rs.map((r) => scoresOf(f(r), r.query.answers))).mrr;
    console.log(`  ${k.padEnd(20)} ${String(rs.length).padStart(4)}  ${fmt(m((r) => lunrTop(r.kept)))} → ${fmt(m((r) => defaultTop(r, RERANK_WEIGHTS)))}`);
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const corpus = await openEvalCorpus(corpusPath(opts.corpus, 'eval:search'), { stock: opts.stock });
  const queries: EvalQuery[] = [...loadQuestions(corpus, opts.questions), ...titleQueries(corpus, opts.titles)];
  const t = performance.now();
  const runs = cachedRuns(corpus, queries, 'eval');
  if (opts.stock) for (const r of runs) r.stock = stockTop(corpus, r.query.q);
  console.log(`eval:search: ${corpus.articles.length} articles, ${queries.length} queries (${((performance.now() - t) / 1000).toFixed(1)} s to run them)`);
  table(runs, systems(opts.stock));
  byKind(runs);
  if (opts.examples > 0) examples(runs, opts.examples);
  checkAgainstSearch(corpus, runs);
  await corpus.close();
}

await main();
