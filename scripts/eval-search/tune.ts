// Tunes the re-ranker's weights on the question set's tune split only (never its test split), by coordinate
// ascent on MRR@10, with a guard: MRR@10 on a sample of title queries (another sample than eval:search's) may not
// fall below Lunr-only scoring's. Prints the best weights to paste into src/search/rerank-weights.ts.
//
//   npm run tune:search -- [corpus.jsonl.gz] [--questions FILE]
import { RERANK_WEIGHTS, type RerankWeights } from '../../src/search/rerank-weights.js';
import { corpusPath, openEvalCorpus } from './corpus.js';
import { meanScores, scoresOf } from './metrics.js';
import { loadQuestions, titleQueries } from './queries.js';
import { cachedRuns, defaultTop, lunrTop, type QueryRun } from './runs.js';

const GRID = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5];

const argv = process.argv.slice(2);
const qi = argv.indexOf('--questions');
const questionsFile = qi >= 0 ? argv.splice(qi, 2)[1] : undefined;
const corpus = await openEvalCorpus(corpusPath(argv[0], 'tune:search'), { stock: false });
const tune = loadQuestions(corpus, questionsFile).filter((q) => q.split === 'tune');
const titles = titleQueries(corpus, 150, 7);
const runs = cachedRuns(corpus, tune, 'tune');
const titleRuns = cachedRuns(corpus, titles, 'titles-7');

const mrr = (rs: QueryRun[], top: (r: QueryRun) => string[]) => meanScores(rs.map((r) => scoresOf(top(r), r.query.answers))).mrr;
const lunrTitles = mrr(titleRuns, (r) => lunrTop(r.kept));
console.log(`tune split: ${runs.length} questions; Lunr only MRR@10 ${mrr(runs, (r) => lunrTop(r.kept)).toFixed(4)}; titles guard ${lunrTitles.toFixed(4)}`);

const objective = (w: RerankWeights) => {
  if (mrr(titleRuns, (r) => defaultTop(r, w)) < lunrTitles - 1e-9) return -1;
  return mrr(runs, (r) => defaultTop(r, w));
};

let best = { ...RERANK_WEIGHTS };
let bestScore = objective(best);
console.log(`start ${bestScore.toFixed(4)} ${JSON.stringify(best)}`);
for (let pass = 0; pass < 4; pass++) {
  let improved = false;
  for (const k of Object.keys(best) as (keyof RerankWeights)[]) {
    for (const v of GRID) {
      const w = { ...best, [k]: v };
      const s = objective(w);
      if (s > bestScore + 1e-9) {
        best = w;
        bestScore = s;
        improved = true;
      }
    }
  }
  console.log(`pass ${pass + 1}: ${bestScore.toFixed(4)} ${JSON.stringify(best)}`);
  if (!improved) break;
}
await corpus.close();
