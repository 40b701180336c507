// Checks that a change keeps search results and scores byte-identical: indexes FOLDER into a fresh cache with the
// built CLI (run `npm run build` first), runs every query in scripts/compare-search.queries.txt three ways
// (relevance, --sort date, --offset 20; --limit 50 --json) and writes or compares one JSON line per query.
//
//   tsx scripts/compare-search.ts FOLDER --record /tmp/arch-baseline.jsonl     # before the change
//   tsx scripts/compare-search.ts FOLDER --compare /tmp/arch-baseline.jsonl    # after: exit 1 on any difference
//
// FOLDER is a folder of articles, e.g. from
//   node ../shared/tools/expand-corpus.mjs ../shared/data/corpus/ant-v1.1.jsonl.gz /tmp/arch-corpus --n 2000
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'usage: tsx scripts/compare-search.ts FOLDER (--record OUT | --compare BASELINE)';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { record: { type: 'string' }, compare: { type: 'string' } },
});
const folder = positionals[0];
if (!folder || positionals.length > 1 || !values.record === !values.compare) {
  console.error(USAGE);
  process.exit(2);
}

const cli = new URL('../bin/archive-reader.mjs', import.meta.url).pathname;
const queries = new URL('./compare-search.queries.txt', import.meta.url).pathname;
const variants: Record<string, string[]> = { relevance: [], date: ['--sort', 'date'], offset20: ['--offset', '20'] };

const cache = mkdtempSync(join(tmpdir(), 'compare-search-'));
const lines: string[] = [];
try {
  execFileSync(process.execPath, [cli, 'index', folder, '--cache', cache, '--json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const [variant, flags] of Object.entries(variants)) {
    const args = [cli, 'search', folder, '--queries', queries, '--limit', '50', '--json', '--cache', cache, ...flags];
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    for (const line of out.split('\n')) if (line) lines.push(`{"variant":${JSON.stringify(variant)},${line.slice(1)}`);
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}

if (values.record) {
  writeFileSync(values.record, lines.join('\n') + '\n');
  console.log(`recorded ${lines.length} result lines into ${values.record}`);
} else {
  const baseline = readFileSync(values.compare!, 'utf8').split('\n').filter(Boolean);
  let differing = 0;
  for (let i = 0; i < Math.max(baseline.length, lines.length); i++) {
    if (baseline[i] === lines[i]) continue;
    if (differing++ < 5) console.log(`line ${i + 1} differs:\n  before ${baseline[i]?.slice(0, 300)}\n  after  ${lines[i]?.slice(0, 300)}`);
  }
  console.log(`${lines.length} result lines, ${baseline.length} in the baseline, ${differing} differing`);
  process.exit(differing ? 1 : 0);
}
