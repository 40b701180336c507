// Indexing under search load, on loopback: `archive-reader serve` on a folder, then
//   1. a burst of --burst searches sent at once: the latency of each (p50, p95, max);
//   2. every file touched and a re-index started while --clients clients search back to back (at most --max-requests
//      searches): how long the re-index takes, the search rate and latencies meanwhile, and what the status said.
//
//   npm run measure:load -- <folder> [--clients 8] [--burst 100] [--max-requests 20000] [--cache DIR] [--burst-only]
//
// The folder's files get a new modification time (their content is unchanged); use a copy of your articles.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const folderArg = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!folderArg) {
  console.error('usage: npm run measure:load -- <folder> [--clients 8] [--burst 100] [--max-requests 20000] [--cache DIR]');
  process.exit(2);
}
const folder = resolve(folderArg);
const cacheFlag = args.indexOf('--cache');
const cache = cacheFlag >= 0 ? resolve(args[cacheFlag + 1]) : mkdtempSync(join(tmpdir(), 'ar-load-cache-'));
const clients = option('clients', 8);
const burst = option('burst', 100);
const maxRequests = option('max-requests', 20000);
const QUERIES = ['روسيا', 'الحكومة', 'بوتين', 'النفط', 'الرئيس', 'وزارة الصحة', 'الأمم المتحدة', 'مصر', 'الاقتصاد', 'كرة القدم'];

const server = spawn('node', [join(repo, 'bin', 'archive-reader.mjs'), 'serve', resolve(folder), '--cache', cache], { stdio: ['ignore', 'pipe', 'inherit'] });
const address = await new Promise<URL>((done, fail) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /(http:\/\/\S+)/.exec(out);
    if (m) done(new URL(m[1]));
  });
  server.on('exit', () => fail(new Error('the server stopped')));
});
const token = address.hash.replace('#token=', '');

async function call<T>(method: string, arg?: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${method}`, address.origin), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(arg === undefined ? {} : { arg }),
  });
  const body = (await res.json()) as { result: T; error?: string };
  if (!res.ok) throw new Error(`${method}: ${res.status} ${body.error}`);
  return body.result;
}

interface Status {
  progress: { phase: string; done: number; total: number };
}

async function timedSearch(n: number): Promise<number> {
  const started = performance.now();
  await call('search', { query: QUERIES[n % QUERIES.length], limit: 20 });
  return performance.now() - started;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const figures = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

try {
  for (;;) {
    const { progress } = await call<Status>('getStatus');
    if (progress.phase === 'done' || progress.phase === 'error') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  for (let i = 0; i < 20; i++) await timedSearch(i); // warm up
  const alone = [];
  for (let i = 0; i < 50; i++) alone.push(await timedSearch(i));
  console.log(`one search at a time: ${figures(alone)}`);

  const together = await Promise.all(Array.from({ length: burst }, (_, i) => timedSearch(i)));
  console.log(`${burst} searches sent at once: ${figures(together)}`);
  if (!args.includes('--burst-only')) await reindexUnderLoad();
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  if (cacheFlag < 0) rmSync(cache, { recursive: true, force: true });
}

async function reindexUnderLoad(): Promise<void> {

  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(resolve(folder));
  let round = 0;
  const reindexOnce = async () => {
    const now = new Date(Date.now() + ++round * 60_000);
    for (const f of files) utimesSync(f, now, now);
    const started = performance.now();
    const phases: string[] = [];
    let running = true;
    const watch = (async () => {
      while (running) {
        const { progress } = await call<Status>('getStatus');
        const seen = `${progress.phase}${progress.total ? ` ${progress.done}/${progress.total}` : ''}`;
        if (phases[phases.length - 1]?.split(' @')[0] !== seen) phases.push(`${seen} @${((performance.now() - started) / 1000).toFixed(1)}s`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const report = await call<{ indexed: number }>('reindex');
    running = false;
    await watch;
    return { seconds: (performance.now() - started) / 1000, indexed: report.indexed, phases };
  };

  const quiet = await reindexOnce();
  console.log(`re-index of ${quiet.indexed} articles, no searches: ${quiet.seconds.toFixed(1)} s`);

  const latencies: number[] = [];
  let sent = 0;
  let loading = true;
  const loaders = Array.from({ length: clients }, async () => {
    while (loading && sent < maxRequests) latencies.push(await timedSearch(sent++));
  });
  await new Promise((r) => setTimeout(r, 1000)); // the load is on before the re-index starts
  const before = latencies.length;
  const loaded = await reindexOnce();
  const during = latencies.length - before;
  loading = false;
  await Promise.all(loaders);
  console.log(`re-index of ${loaded.indexed} articles, ${clients} clients searching: ${loaded.seconds.toFixed(1)} s`);
  console.log(`  ${during} searches meanwhile (${(during / loaded.seconds).toFixed(0)}/s): ${figures(latencies.slice(before, before + during))}`);
  console.log(`  status: ${loaded.phases.join(' → ')}`);
}
