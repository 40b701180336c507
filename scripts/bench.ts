// Benchmark: our engine vs stock Lunr 2.3.9 + lunr-languages' Arabic pipeline, on the same articles.
//
//   npm run bench -- [corpus.jsonl.gz | folder] [--runs N] [--queries N] [--sizes 0.25,0.5,1] [--copies N] [--out FILE]
//
// Every build runs in its own child process under /usr/bin/time (wall time, CPU time, peak RSS). Reopen is a
// fresh process answering one query — 5 word-pair queries from the corpus, each in every run (ours: the CLI
// `search`, which also re-checks the folder for changes; stock: read the JSON, lunr.Index.load, search). Query latency is measured in-process over queries made of
// words and word pairs taken from the corpus itself (seeded, so every run asks the same). Figures are medians
// of --runs runs (default 3): the machine is noisy.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { writeCorpusCopies } from './corpus-copies.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'bin', 'archive-reader.mjs');

interface Options {
  input: string;
  runs: number;
  queries: number;
  sizes: number[];
  /** Also index this many copies of the corpus together (engine only): the 100,000-article figures. */
  copies: number;
  out?: string;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { input: resolve(repo, '../shared/data/corpus/ant-v1.1.jsonl.gz'), runs: 3, queries: 300, sizes: [0.25, 0.5, 1], copies: 0 };
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { runs: { type: 'string' }, queries: { type: 'string' }, sizes: { type: 'string' }, copies: { type: 'string' }, out: { type: 'string' } },
  });
  if (values.runs !== undefined) opts.runs = Math.max(1, Number(values.runs));
  if (values.queries !== undefined) opts.queries = Math.max(10, Number(values.queries));
  if (values.sizes !== undefined) opts.sizes = values.sizes.split(',').map(Number).filter((x) => x > 0 && x <= 1);
  if (values.copies !== undefined) opts.copies = Math.max(0, Math.floor(Number(values.copies)));
  opts.out = values.out;
  for (const p of positionals) opts.input = resolve(p);
  if (!existsSync(opts.input)) {
    console.error(`bench: ${opts.input} does not exist. Give a corpus (.jsonl.gz, one article object per line) or a folder of articles.`);
    process.exit(2);
  }
  if (!existsSync(cli) || !existsSync(join(repo, 'dist', 'index.worker.mjs'))) {
    console.error('bench: run `npm run build` first');
    process.exit(2);
  }
  return opts;
}

interface Article {
  id: string;
  title: string;
  body: string;
}

/** The corpus as JSONL lines {id, title, body, …} (a folder is read with our parser, untimed, for stock). */
async function loadArticles(input: string, work: string): Promise<string[]> {
  if (statSync(input).isFile()) {
    const raw = input.endsWith('.gz') ? gunzipSync(readFileSync(input)).toString('utf8') : readFileSync(input, 'utf8');
    return raw.split('\n').filter((l) => l.trim());
  }
  const { scanArchive, parseArticleFile } = await import('../src/articles/index.js');
  const scan = await scanArchive(input);
  const lines: string[] = [];
  for (const f of scan.files) {
    const parsed = await parseArticleFile(f.absPath, f.relPath);
    for (const a of parsed.articles) lines.push(JSON.stringify({ id: a.id, title: a.title, body: a.text, source: a.source, date: a.date }));
  }
  void work;
  return lines;
}

/** A folder holding `lines` as one .jsonl archive (what the engine indexes) and the same file for stock. */
function archiveOf(work: string, name: string, lines: string[]): { dir: string; jsonl: string } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const jsonl = join(dir, 'corpus.jsonl');
  writeFileSync(jsonl, lines.join('\n') + '\n');
  return { dir, jsonl };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const REOPEN_QUERIES = 5;

function makeQueries(lines: string[], n: number): string[] {
  const rand = rng(20211126);
  const out: string[] = [];
  const arabicWord = /^[\u0621-\u064a]{3,}$/;
  let guard = 0;
  while (out.length < n && guard++ < n * 50) {
    const a = JSON.parse(lines[Math.floor(rand() * lines.length)]) as Article;
    const words = String(a.body ?? '').split(/[\s\p{P}]+/u).filter((w) => arabicWord.test(w));
    if (words.length < 3) continue;
    const i = Math.floor(rand() * (words.length - 1));
    const q = out.length % 2 === 0 ? words[i] : `${words[i]} ${words[i + 1]}`;
    if (!out.includes(q)) out.push(q);
  }
  return out;
}

const STOCK_CHILD = `
const { createRequire } = require('module');
const req = createRequire(${JSON.stringify(join(repo, 'package.json'))});
const lunr = req('lunr');
req('lunr-languages/lunr.stemmer.support')(lunr);
req('lunr-languages/lunr.ar')(lunr);
const fs = require('fs');
const zlib = require('zlib');
const [mode, a, b, c] = process.argv.slice(2);
const print = (o) => process.stdout.write(JSON.stringify(o) + '\\n');
if (mode === 'build') {
  const t0 = performance.now();
  const lines = fs.readFileSync(a, 'utf8').split('\\n').filter(Boolean);
  const index = lunr(function () {
    this.use(lunr.ar);
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const l of lines) { const x = JSON.parse(l); this.add({ id: x.id, title: x.title, body: x.body }); }
  });
  const built = performance.now();
  const json = JSON.stringify(index);
  fs.writeFileSync(b, json);
  print({ buildMs: built - t0, saveMs: performance.now() - built, bytes: Buffer.byteLength(json), gzBytes: zlib.gzipSync(json).length });
} else if (mode === 'reopen') {
  const index = lunr.Index.load(JSON.parse(fs.readFileSync(a, 'utf8')));
  const r = index.search(b);
  print({ sinceStartMs: performance.now(), hits: r.length });
} else if (mode === 'queries') {
  const index = lunr.Index.load(JSON.parse(fs.readFileSync(a, 'utf8')));
  const queries = JSON.parse(fs.readFileSync(b, 'utf8'));
  const latencies = []; const cpu = []; let hits = 0;
  for (const q of queries) {
    const t = performance.now(); const c = process.cpuUsage();
    hits += index.search(q).length;
    const d = process.cpuUsage(c); cpu.push((d.user + d.system) / 1000); latencies.push(performance.now() - t);
  }
  print({ latencies, cpu, hits, rssMB: process.memoryUsage().rss / 1e6 });
}
`;

interface Timed {
  wallS: number;
  cpuS: number;
  maxRssMB: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time -v. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Timed {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  const field = (name: string) => {
    const m = new RegExp(`${name}: (.*)`).exec(r.stderr);
    if (!m) throw new Error(`no "${name}" in /usr/bin/time output`);
    return m[1].trim();
  };
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const wallS = wall.reduce((acc, x) => acc * 60 + x, 0);
  return {
    wallS,
    cpuS: Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)')),
    maxRssMB: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
    stdout: r.stdout,
  };
}

function wallOf(cmd: string, args: string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const stdout = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  return { ms: performance.now() - t, stdout };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function dirBytes(dir: string, filter: (name: string) => boolean): number {
  return readdirSync(dir)
    .filter(filter)
    .reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

function engineBuild(dir: string, cache: string, env: NodeJS.ProcessEnv = {}) {
  rmSync(cache, { recursive: true, force: true });
  const t = timed('node', [cli, 'index', dir, '--cache', cache, '--json'], env);
  const report = JSON.parse(t.stdout) as { articles: number; failed: unknown[] };
  return { ...t, articles: report.articles, failed: report.failed.length };
}

/** One build, reopen and query run over `n` copies of the corpus, one .jsonl file per copy. */
function copiesFigures(work: string, lines: string[], n: number, query: string, queriesFile: string) {
  const dir = join(work, `copies-${n}`);
  writeCorpusCopies(dir, lines, n);
  const cache = join(work, `cache-copies-${n}`);
  const build = engineBuild(dir, cache);
  const reopen = timed('node', [cli, 'search', dir, query, '--cache', cache, '--json', '--limit', '10']);
  const q = JSON.parse(wallOf('node', ['--import', 'tsx', join(repo, 'scripts', 'bench-engine-queries.ts'), dir, cache, queriesFile]).stdout) as {
    latencies: number[];
    rssMB: number;
  };
  const figures = {
    articles: build.articles,
    wallS: build.wallS,
    cpuS: build.cpuS,
    rssMB: build.maxRssMB,
    indexBytes: dirBytes(cache, (f) => f.endsWith('.idx') || f.startsWith('manifest')),
    reopenMs: reopen.wallS * 1000,
    p50: percentile(q.latencies, 50),
    p95: percentile(q.latencies, 95),
    loadedRssMB: q.rssMB,
  };
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  return figures;
}

/** Medians over `runs` builds of the folder as it is, and of reopening it to answer `query`. */
function folderFigures(folder: string, cache: string, query: string, runs: number) {
  const builds = Array.from({ length: runs }, () => engineBuild(folder, cache));
  const reopens = Array.from({ length: runs }, () => timed('node', [cli, 'search', folder, query, '--cache', cache, '--json', '--limit', '10']));
  return {
    articles: builds[0].articles,
    failed: builds[0].failed,
    wallS: median(builds.map((b) => b.wallS)),
    cpuS: median(builds.map((b) => b.cpuS)),
    rssMB: median(builds.map((b) => b.maxRssMB)),
    reopenMs: median(reopens.map((t) => t.wallS * 1000)),
    reopenCpuMs: median(reopens.map((t) => t.cpuS * 1000)),
  };
}

function stockBuild(child: string, jsonl: string, out: string) {
  const t = timed('node', [child, 'build', jsonl, out]);
  return { ...t, ...(JSON.parse(t.stdout) as { buildMs: number; bytes: number; gzBytes: number }) };
}

function fmt(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'archive-reader-bench-'));
  const lines = await loadArticles(opts.input, work);
  console.log(`bench: ${lines.length} articles from ${basename(opts.input)}; ${opts.runs} run(s) per figure; work dir ${work}`);
  const full = archiveOf(work, 'full', lines);
  const stockChild = join(work, 'stock-child.cjs');
  writeFileSync(stockChild, STOCK_CHILD);
  const queries = makeQueries(lines, opts.queries);
  const queriesFile = join(work, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));
  const cache = join(work, 'cache-full');
  const stockIndex = join(work, 'stock-index.json');

  const ours: ReturnType<typeof engineBuild>[] = [];
  const oursNoNer: ReturnType<typeof engineBuild>[] = [];
  const stock: ReturnType<typeof stockBuild>[] = [];
  for (let r = 0; r < opts.runs; r++) {
    stock.push(stockBuild(stockChild, full.jsonl, stockIndex));
    console.log(`  stock build run ${r + 1}: ${fmt(stock[r].wallS)} s wall, ${fmt(stock[r].cpuS)} s CPU, ${fmt(stock[r].maxRssMB, 0)} MB peak RSS`);
    oursNoNer.push(engineBuild(full.dir, cache, { ARCHIVE_READER_ENTITIES: 'off' }));
    console.log(`  engine build without entity tagger, run ${r + 1}: ${fmt(oursNoNer[r].wallS)} s wall, ${fmt(oursNoNer[r].cpuS)} s CPU, ${fmt(oursNoNer[r].maxRssMB, 0)} MB`);
    ours.push(engineBuild(full.dir, cache));
    console.log(`  engine build run ${r + 1}: ${fmt(ours[r].wallS)} s wall, ${fmt(ours[r].cpuS)} s CPU, ${fmt(ours[r].maxRssMB, 0)} MB peak RSS`);
  }
  const idxBytes = dirBytes(cache, (f) => f.endsWith('.idx') || f.startsWith('manifest'));
  const packBytes = dirBytes(cache, (f) => f.endsWith('.pack'));

  // Reopen answers real searches: word-pair queries from the corpus (a lone word may be a stop word, which our
  // engine answers without searching), each asked in a fresh process, every run.
  const reopenQueries = queries.filter((q) => q.includes(' ')).slice(0, REOPEN_QUERIES);
  const reopenOurs: Timed[] = [];
  const reopenStock: Timed[] = [];
  const reopenHits = new Map<string, [number, number]>();
  for (let r = 0; r < opts.runs; r++) {
    for (const q of reopenQueries) {
      const o = timed('node', [cli, 'search', full.dir, q, '--cache', cache, '--json', '--limit', '10']);
      const st = timed('node', [stockChild, 'reopen', stockIndex, q]);
      reopenOurs.push(o);
      reopenStock.push(st);
      reopenHits.set(q, [(JSON.parse(o.stdout) as { total: number }).total, (JSON.parse(st.stdout) as { hits: number }).hits]);
    }
  }
  console.log(`  reopen queries (hits ours/stock): ${[...reopenHits].map(([q, [a, b]]) => `${q} (${a}/${b})`).join(', ')}`);

  type Q = { p50: number; p95: number; cpu50: number; cpu95: number; rssMB: number };
  const summary = (o: { latencies: number[]; cpu: number[]; rssMB: number }): Q => ({
    p50: percentile(o.latencies, 50),
    p95: percentile(o.latencies, 95),
    cpu50: percentile(o.cpu, 50),
    cpu95: percentile(o.cpu, 95),
    rssMB: o.rssMB,
  });
  const qOurs: Q[] = [];
  const qStock: Q[] = [];
  for (let r = 0; r < opts.runs; r++) {
    qOurs.push(summary(JSON.parse(wallOf('node', ['--import', 'tsx', join(repo, 'scripts', 'bench-engine-queries.ts'), full.dir, cache, queriesFile]).stdout)));
    qStock.push(summary(JSON.parse(wallOf('node', [stockChild, 'queries', stockIndex, queriesFile]).stdout)));
  }

  // A folder as users keep one: our engine also indexes the folder itself (its files read and parsed, which the
  // figures above leave out for both engines: stock has no parser), then reopens it (every file checked).
  const fromFolder = statSync(opts.input).isDirectory() ? folderFigures(opts.input, join(work, 'cache-folder'), reopenQueries[0], opts.runs) : null;

  const copies = opts.copies > 1 ? copiesFigures(work, lines, opts.copies, reopenQueries[0], queriesFile) : null;

  const scaling: { articles: number; rssMB: number; wallS: number }[] = [];
  for (const f of opts.sizes) {
    const n = Math.round(lines.length * f);
    if (n === lines.length) {
      scaling.push({ articles: n, rssMB: median(ours.map((o) => o.maxRssMB)), wallS: median(ours.map((o) => o.wallS)) });
      continue;
    }
    const part = archiveOf(work, `part-${n}`, lines.slice(0, n));
    const runs = Array.from({ length: opts.runs }, () => engineBuild(part.dir, join(work, `cache-${n}`)));
    scaling.push({ articles: n, rssMB: median(runs.map((o) => o.maxRssMB)), wallS: median(runs.map((o) => o.wallS)) });
  }

  const m = {
    articles: lines.length,
    buildWallS: [median(ours.map((o) => o.wallS)), median(stock.map((o) => o.wallS))],
    buildCpuS: [median(ours.map((o) => o.cpuS)), median(stock.map((o) => o.cpuS))],
    buildNoNerWallS: median(oursNoNer.map((o) => o.wallS)),
    buildNoNerCpuS: median(oursNoNer.map((o) => o.cpuS)),
    buildNoNerRssMB: median(oursNoNer.map((o) => o.maxRssMB)),
    peakRssMB: [median(ours.map((o) => o.maxRssMB)), median(stock.map((o) => o.maxRssMB))],
    indexBytes: [idxBytes, median(stock.map((o) => o.bytes))],
    stockGzBytes: median(stock.map((o) => o.gzBytes)),
    bodyPackBytes: packBytes,
    reopenMs: [median(reopenOurs.map((t) => t.wallS * 1000)), median(reopenStock.map((t) => t.wallS * 1000))],
    reopenCpuMs: [median(reopenOurs.map((t) => t.cpuS * 1000)), median(reopenStock.map((t) => t.cpuS * 1000))],
    reopenRssMB: [median(reopenOurs.map((t) => t.maxRssMB)), median(reopenStock.map((t) => t.maxRssMB))],
    queryP50Ms: [median(qOurs.map((q) => q.p50)), median(qStock.map((q) => q.p50))],
    queryP95Ms: [median(qOurs.map((q) => q.p95)), median(qStock.map((q) => q.p95))],
    queryCpuP50Ms: [median(qOurs.map((q) => q.cpu50)), median(qStock.map((q) => q.cpu50))],
    queryCpuP95Ms: [median(qOurs.map((q) => q.cpu95)), median(qStock.map((q) => q.cpu95))],
    loadedRssMB: [median(qOurs.map((q) => q.rssMB)), median(qStock.map((q) => q.rssMB))],
    scaling,
    queries: queries.length,
    fromFolder,
    copies,
  };

  const row = (name: string, [a, b]: number[], unit: string, target: string, digits = 2) =>
    console.log(`${name.padEnd(34)} ${fmt(a, digits).padStart(10)} ${fmt(b, digits).padStart(10)} ${unit.padEnd(6)} ${fmt(a / b, 2).padStart(7)}  ${target}`);
  console.log(`\n${'figure (median of ' + opts.runs + ')'.padEnd(16)}`.padEnd(35) + '    engine      stock unit     ratio  target');
  row('full build, wall', m.buildWallS, 's', 'ratio ≤ 0.33 (≥3x faster)');
  row('full build, CPU (user+sys)', m.buildCpuS, 's', '');
  row('articles/s (wall)', [m.articles / m.buildWallS[0], m.articles / m.buildWallS[1]], '/s', '', 0);
  row('build without entity tagger, wall', [m.buildNoNerWallS, m.buildWallS[1]], 's', '(diagnostic: index work alone)');
  row('build without entity tagger, CPU', [m.buildNoNerCpuS, m.buildCpuS[1]], 's', '');
  row('peak RSS during build', m.peakRssMB, 'MB', 'ratio ≤ 0.33', 0);
  row('index on disk', m.indexBytes.map((b) => b / 1e6), 'MB', 'ratio ≤ 0.25 (stock = its JSON)');
  console.log(`${''.padEnd(34)} (stock gzipped: ${fmt(m.stockGzBytes / 1e6)} MB; our article bodies+entities store, not an index: ${fmt(m.bodyPackBytes / 1e6)} MB)`);
  row('reopen → first answer, wall', m.reopenMs, 'ms', 'ratio ≤ 0.25 and < 1000 ms', 0);
  row('reopen → first answer, CPU', m.reopenCpuMs, 'ms', '(robust to a busy machine)', 0);
  row('reopen, peak RSS', m.reopenRssMB, 'MB', '', 0);
  row('query p50, wall', m.queryP50Ms, 'ms', '', 2);
  row('query p95, wall', m.queryP95Ms, 'ms', 'ratio ≤ 1', 2);
  row('query p50, CPU', m.queryCpuP50Ms, 'ms', '', 2);
  row('query p95, CPU', m.queryCpuP95Ms, 'ms', 'ratio ≤ 1', 2);
  row('RSS with the index loaded', m.loadedRssMB, 'MB', '', 0);
  if (fromFolder) {
    console.log(`\nthe folder itself, its files read and parsed (${fromFolder.articles} articles, ${fromFolder.failed} files failed; engine only):`);
    console.log(`  build: ${fmt(fromFolder.wallS)} s wall, ${fmt(fromFolder.cpuS)} s CPU, ${fmt(fromFolder.rssMB, 0)} MB peak RSS`);
    console.log(`  reopen → first answer (every file checked for changes): ${fmt(fromFolder.reopenMs, 0)} ms wall, ${fmt(fromFolder.reopenCpuMs, 0)} ms CPU`);
  }
  if (copies) {
    console.log(`\n${opts.copies} copies of the corpus in ${opts.copies} .jsonl files (${copies.articles} articles; engine only, one run; the text repeats, so the vocabulary stays the corpus's):`);
    console.log(`  build: ${fmt(copies.wallS)} s wall, ${fmt(copies.cpuS)} s CPU, ${fmt(copies.rssMB, 0)} MB peak RSS; index on disk ${fmt(copies.indexBytes / 1e6)} MB`);
    console.log(`  reopen → first answer: ${fmt(copies.reopenMs, 0)} ms; query p50 ${fmt(copies.p50)} ms, p95 ${fmt(copies.p95)} ms; RSS with the index loaded ${fmt(copies.loadedRssMB, 0)} MB`);
  }
  console.log(`\nmemory by archive size (engine build, peak RSS):`);
  for (const s of scaling) console.log(`  ${String(s.articles).padStart(7)} articles: ${fmt(s.rssMB, 0)} MB, ${fmt(s.wallS)} s`);
  if (scaling.length >= 2) {
    const [a, b] = [scaling[0], scaling[scaling.length - 1]];
    const perArticle = (b.rssMB - a.rssMB) / (b.articles - a.articles);
    const base = a.rssMB - perArticle * a.articles;
    console.log(`  linear fit: ${fmt(base, 0)} MB + ${fmt(perArticle * 1000, 2)} MB per 1000 articles → 100,000 articles ≈ ${fmt(base + perArticle * 100_000, 0)} MB`);
  }
  console.log(`\nload average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).availableParallelism()} cores — wall figures are only as good as the machine is idle; CPU figures are robust.`);
  console.log(`\nqueries: ${queries.length} (single words and word pairs from the corpus, seeded); ours include snippets for the top 10.`);
  if (opts.out) writeFileSync(opts.out, JSON.stringify(m, null, 2));
  rmSync(work, { recursive: true, force: true });
}

await main();
