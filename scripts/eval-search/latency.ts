// Query latency with and without the re-ranker, on the evaluation's archive (the ANT corpus, 10,138 articles):
//
//   npx tsx scripts/eval-search/latency.ts [corpus.jsonl.gz] [--questions FILE] [--runs N] [--copies N]
//
// --copies N asks the same queries of N copies of the corpus indexed together (10 copies: 101,380 articles), as
// `npm run bench -- --copies N` builds them; the copies and their index stay in the evaluation's cache folder.
//
// Each query of the question set and of 300 title queries is asked with --ranking lunr and rerank in turn (same
// load on the machine for both), limit 10 with snippets, as the app asks; prints p50/p95 of wall and CPU time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { searchArchive } from '../../src/search/run-search.js';
import { writeCorpusCopies } from '../corpus-copies.js';
import { corpusPath, indexFolder, openEvalCorpus } from './corpus.js';
import { loadQuestions, titleQueries } from './queries.js';

const argv = process.argv.slice(2);
const take = (flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const questionsFile = take('--questions');
const runs = Number(take('--runs') ?? 1);
const copies = Number(take('--copies') ?? 1);
const corpus = await openEvalCorpus(corpusPath(argv[0], 'latency'), { stock: false });
const sets = { questions: loadQuestions(corpus, questionsFile).map((q) => q.q), titles: titleQueries(corpus, 300).map((q) => q.q) };

let archive = corpus.archive;
if (copies > 1) {
  const folder = join(corpus.work, `copies-${copies}`);
  const lines = readFileSync(join(corpus.work, 'archive', 'corpus.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  if (!existsSync(join(folder, `copy-${copies - 1}.jsonl`))) writeCorpusCopies(folder, lines, copies);
  archive = await indexFolder(folder, join(corpus.work, `index-copies-${copies}`));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
for (const q of sets.titles.slice(0, 30)) searchArchive(archive, { query: q, limit: 10, ranking: 'rerank' });

console.log(`latency on ${archive.docCount} articles, ${runs} run(s); ms, wall (CPU)`);
for (const [name, queries] of Object.entries(sets)) {
  const wall = { lunr: [] as number[], rerank: [] as number[] };
  const cpu = { lunr: [] as number[], rerank: [] as number[] };
  for (let r = 0; r < runs; r++) {
    for (const q of queries) {
      for (const ranking of ['lunr', 'rerank'] as const) {
        const t = performance.now();
        const c = process.cpuUsage();
        searchArchive(archive, { query: q, limit: 10, ranking });
        const d = process.cpuUsage(c);
        wall[ranking].push(performance.now() - t);
        cpu[ranking].push((d.user + d.system) / 1000);
      }
    }
  }
  const cell = (k: 'lunr' | 'rerank') =>
    `p50 ${pct(wall[k], 50).toFixed(1)} (${pct(cpu[k], 50).toFixed(1)})  p95 ${pct(wall[k], 95).toFixed(1)} (${pct(cpu[k], 95).toFixed(1)})`;
  console.log(`${name.padEnd(10)} ${String(queries.length).padStart(4)} queries  lunr: ${cell('lunr')}   rerank: ${cell('rerank')}   p95 ratio ${(pct(wall.rerank, 95) / pct(wall.lunr, 95)).toFixed(2)} (CPU ${(pct(cpu.rerank, 95) / pct(cpu.lunr, 95)).toFixed(2)})`);
}
if (archive !== corpus.archive) archive.close();
await corpus.close();
