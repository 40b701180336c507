// Prints parse speed and text-quality figures for a folder of articles (not a test; run it by hand):
//   node ../shared/tools/expand-corpus.mjs ../shared/data/corpus/ant-v1.1.jsonl.gz /tmp/archive --n 2000 --cp1256 0.1 --nested
//   npx tsx scripts/measure-parse-speed.ts /tmp/archive [../shared/data/corpus/ant-v1.1.jsonl.gz] [--runs 5]
// With the corpus given, every article's title is compared with the corpus title of the same id (file name).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Article } from '../src/api.js';
import { parseArticleBuffer, parseArticleFile } from '../src/articles/parse-file.js';
import { scanArchive } from '../src/articles/scan-archive.js';
import { findDates } from '../src/dates/find-dates.js';

const args = process.argv.slice(2);
const root = args[0];
if (!root || !existsSync(root)) {
  console.error('usage: measure-parse-speed.ts ARCHIVE_DIR [CORPUS.jsonl.gz] [--runs N]');
  process.exit(2);
}
const corpusPath = args[1] && !args[1].startsWith('--') ? args[1] : undefined;
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const scanTimes: number[] = [];
let scan = await scanArchive(root);
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  scan = await scanArchive(root);
  scanTimes.push(performance.now() - t);
}

// End to end: read + decode + parse, one file after another on one thread.
const fileTimes: number[] = [];
let articles: Article[] = [];
let failures = [...scan.failures];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const out: Article[] = [];
  const failed = [...scan.failures];
  for (const f of scan.files) {
    const r = await parseArticleFile(f.absPath, f.relPath);
    out.push(...r.articles);
    failed.push(...r.failures);
  }
  fileTimes.push(performance.now() - t);
  articles = out;
  failures = failed;
}

// Parsing alone, per format, from bytes already in memory.
const buffers = scan.files.map((f) => ({ f, buf: readFileSync(f.absPath) }));
const perFormat: Record<string, number[]> = {};
for (let i = 0; i < runs; i++) {
  const acc: Record<string, number> = {};
  for (const { f, buf } of buffers) {
    const t = performance.now();
    parseArticleBuffer(buf, f.relPath);
    acc[f.format] = (acc[f.format] ?? 0) + performance.now() - t;
  }
  for (const [k, v] of Object.entries(acc)) (perFormat[k] ??= []).push(v);
}
const countByFormat: Record<string, number> = {};
for (const { f } of buffers) countByFormat[f.format] = (countByFormat[f.format] ?? 0) + 1;

// findDates over every article text (it runs on each article while indexing).
const dateTimes: number[] = [];
let dateSpans = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  dateSpans = 0;
  for (const a of articles) dateSpans += findDates(a.text).length;
  dateTimes.push(performance.now() - t);
}
const textChars = articles.reduce((n, a) => n + a.text.length, 0);

const LATIN1_MOJIBAKE = /[ØÙÃÂ][\u0080-\u00BF]|[ØÙ][\u00A0-\u00FF]{1}/;
let replacementChars = 0;
let mojibakeArticles = 0;
let controlChars = 0;
for (const a of articles) {
  const all = `${a.title}\n${a.source ?? ''}\n${a.location ?? ''}\n${a.text}`;
  replacementChars += all.split('\uFFFD').length - 1;
  if (LATIN1_MOJIBAKE.test(all)) mojibakeArticles++;
  // eslint-disable-next-line no-control-regex -- counts control characters
  controlChars += (all.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g) ?? []).length;
}

const report: Record<string, unknown> = {
  root,
  files: scan.files.length,
  articles: articles.length,
  failures: failures.length,
  failureSamples: failures.slice(0, 5),
  runs,
  scanMsMedian: Math.round(median(scanTimes)),
  readAndParseMsMedian: Math.round(median(fileTimes)),
  articlesPerSecond: Math.round(articles.length / (median(fileTimes) / 1000)),
  parseOnlyPerFormat: Object.fromEntries(
    Object.entries(perFormat).map(([k, v]) => [k, { files: countByFormat[k], msMedian: Math.round(median(v)), perSecond: Math.round(countByFormat[k] / (median(v) / 1000)) }]),
  ),
  findDates: {
    spans: dateSpans,
    msMedian: Math.round(median(dateTimes)),
    microsecondsPerArticle: Math.round((median(dateTimes) * 1000) / articles.length),
    microsecondsPerKChars: Math.round((median(dateTimes) * 1000) / (textChars / 1000)),
  },
  replacementChars,
  latin1MojibakeArticles: mojibakeArticles,
  controlChars,
  withDate: articles.filter((a) => a.date).length,
  withSource: articles.filter((a) => a.source).length,
};

if (corpusPath) {
  if (!existsSync(corpusPath)) {
    console.error(`corpus not found: ${corpusPath}`);
    process.exit(2);
  }
  const raw = readFileSync(corpusPath);
  const text = (corpusPath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const titles = new Map<string, string>();
  const bodies = new Map<string, string>();
  const squash = (t: string): string => t.replace(/\s+/g, ' ').trim();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; title?: string; body?: string };
    titles.set(o.id, (o.title ?? '').replace(/\s+/g, ' ').trim());
    bodies.set(o.id, squash(o.body ?? ''));
  }
  const mismatches: string[] = [];
  const bodyMismatches: string[] = [];
  for (const a of articles) {
    const id = basename(a.id).replace(/\.[^.]+$/, '');
    if (titles.get(id) !== a.title) mismatches.push(`${a.id}: ${JSON.stringify(a.title)} ≠ ${JSON.stringify(titles.get(id))}`);
    if (bodies.get(id) !== squash(a.text)) bodyMismatches.push(`${a.id}: ${JSON.stringify(squash(a.text).slice(0, 80))}`);
  }
  report.bodyMatchesCorpus = `${articles.length - bodyMismatches.length}/${articles.length} (whitespace-insensitive)`;
  report.bodyMismatchSamples = bodyMismatches.slice(0, 5);
  report.titleMatchesCorpus = `${articles.length - mismatches.length}/${articles.length}`;
  report.titleMismatchSamples = mismatches.slice(0, 5);
}
console.log(JSON.stringify(report, null, 2));
