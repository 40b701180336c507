// Child process of scripts/bench.ts: opens an indexed archive with the engine and times each query.
// usage: tsx scripts/bench-engine-queries.ts <archive> <cacheDir> <queries.json>  → JSON on stdout
import { readFileSync } from 'node:fs';
import { ArchiveEngine } from '../src/engine/archive-engine.js';

const [root, cacheDir, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[];
const engine = await ArchiveEngine.open({ root, cacheDir, autoIndex: 'none' });
const latencies: number[] = [];
const cpu: number[] = [];
let hits = 0;
for (const query of queries) {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await engine.search({ query, limit: 10 });
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
  latencies.push(performance.now() - t);
  hits += r.total;
}
const rssMB = process.memoryUsage().rss / 1e6;
await engine.close();
process.stdout.write(JSON.stringify({ latencies, cpu, hits, rssMB }) + '\n');
