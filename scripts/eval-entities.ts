// Evaluates the entity tagger and measures its speed.
//
//   npm run eval:entities -- [CONLL_FILE...] [--corpus PATH] [--workers N] [--as-given]
//
// For each CoNLL file (token<TAB>tag, BIO): each sentence is written out as running text — clitics that
// the corpus split off (WikiFANE: "و سيطروا") re-joined as Arabic is written — findEntities runs on it,
// and the spans it returns are projected back onto the corpus tokens (a token overlapping a span belongs
// to it). Scores are conlleval-style: an entity counts when its tokens and type both match exactly.
// Corpus tags map PER→PERSON, GPE/LOC→LOCATION, ORG→ORGANIZATION; other classes are ignored.
// --as-given also scores the text exactly as tokenized by the corpus (no re-joining).
// --oracle checks the pipeline instead of the model: the gold tags are put on the words our tokenizer cuts
// (as training does), spans are built from them as tagNames builds them (attached proclitics left out by
// the same rule) and projected back the same way; what this misses is lost to tokenization, not to the model.
// --corpus: tokens/s of findEntities over the title and body of every article of a JSONL(.gz) corpus,
// single thread (median of 3 runs), then split over N worker threads (default 2) that each load the model.
// Without files: WikiFANE dev and AQMAR from ../shared/data/ner, and the corpus at
// ../shared/data/corpus/ant-v1.1.jsonl.gz.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { findEntities } from '../src/entities/index.js';
import { loadTagger, MODEL_FILE, GAZETTEER_FILE } from '../src/entities/load-model.js';
import { tokenize } from '../src/entities/tokenize.js';
import { procliticLength } from '../src/entities/find-entities.js';
import { foldArabic, surfaceIndex } from '../src/entities/normalize.js';
import { bioLabels, readConll, runningText, type ConllToken } from '../src/entities/training-data.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options, positionals: files } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string' },
    workers: { type: 'string', default: '2' },
    'as-given': { type: 'boolean', default: false },
    oracle: { type: 'boolean', default: false },
  },
});
let corpusPath: string | null = options.corpus ?? null;
const asGiven = options['as-given'];
const oracle = options.oracle;
const workers = Number(options.workers);
if (files.length === 0 && corpusPath === null) {
  const ner = join(repo, '../shared/data/ner');
  files.push(join(ner, 'wikifane.dev.conll.gz'), join(ner, 'aqmar.conll.gz'));
  corpusPath = join(repo, '../shared/data/corpus/ant-v1.1.jsonl.gz');
}

const TYPES = ['PERSON', 'LOCATION', 'ORGANIZATION'] as const;
const TYPE_OF: Record<string, string> = { PER: 'PERSON', LOC: 'LOCATION', ORG: 'ORGANIZATION' };

type Chunk = string; // "start:end:TYPE" over corpus token indexes

function goldChunks(tokens: ConllToken[]): Chunk[] {
  const labels = bioLabels(tokens, true);
  const chunks: Chunk[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i].label) continue;
    let j = i + 1;
    while (j < labels.length && labels[j].label === labels[i].label && !labels[j].begin) j++;
    chunks.push(`${i}:${j}:${TYPE_OF[labels[i].label!]}`);
    i = j - 1;
  }
  return chunks;
}

function predictedChunks(tokens: ConllToken[], rejoin: boolean): Chunk[] {
  const { text, spans } = runningText(tokens, rejoin);
  const chunks: Chunk[] = [];
  let taken = -1;
  for (const e of findEntities(text)) {
    if (e.type === 'DATE') continue;
    let first = -1;
    let last = -1;
    spans.forEach((s, k) => {
      if (s.start < e.end && s.end > e.start) {
        if (first < 0) first = k;
        last = k;
      }
    });
    if (first < 0 || first <= taken) continue;
    chunks.push(`${first}:${last + 1}:${e.type}`);
    taken = last;
  }
  return chunks;
}

/** The best the pipeline can do: spans from the gold tags of our tokens (see --oracle). */
function oracleChunks(tokens: ConllToken[], rejoin: boolean): Chunk[] {
  const { text, spans } = runningText(tokens, rejoin);
  const labels = bioLabels(tokens, true);
  const words = tokenize(text);
  // Each word takes the label of the first labelled corpus token it overlaps; a name begins where a corpus
  // name begins, or where the label changes.
  const wordLabels = words.map((w) => {
    const k = spans.findIndex((s, k) => s.start < w.end && s.end > w.start && labels[k].label);
    return k < 0 ? null : { label: labels[k].label!, begin: labels[k].begin || spans[k].start > w.start, at: k };
  });
  const tagger = loadTagger();
  const chunks: Chunk[] = [];
  let taken = -1;
  for (let i = 0; i < words.length; i++) {
    const first = wordLabels[i];
    if (!first) continue;
    let j = i + 1;
    while (j < words.length && wordLabels[j]?.label === first.label && !wordLabels[j]!.begin) j++;
    const start = words[i].start + surfaceIndex(words[i].text, procliticLength(tagger, foldArabic(words[i].text)));
    const end = words[j - 1].end;
    const covered = spans.map((s, k) => (s.start < end && s.end > start ? k : -1)).filter((k) => k >= 0);
    if (covered.length && covered[0] > taken) {
      chunks.push(`${covered[0]}:${covered[covered.length - 1] + 1}:${TYPE_OF[first.label]}`);
      taken = covered[covered.length - 1];
    }
    i = j - 1;
  }
  return chunks;
}

function looksSegmented(sentences: ConllToken[][]): boolean {
  let total = 0;
  let lone = 0;
  for (const s of sentences) for (const t of s) {
    total++;
    if (t.text === 'و' || t.text === 'ه') lone++;
  }
  return lone / Math.max(1, total) > 0.02;
}

function evaluate(path: string, rejoin: boolean, label: string) {
  const sentences = readConll(path);
  const counts = Object.fromEntries(TYPES.map((t) => [t, { gold: 0, pred: 0, correct: 0 }]));
  let tokens = 0;
  const started = performance.now();
  for (const s of sentences) {
    tokens += s.length;
    const gold = goldChunks(s);
    const pred = oracle ? oracleChunks(s, rejoin) : predictedChunks(s, rejoin);
    const goldSet = new Set(gold);
    for (const g of gold) counts[g.split(':')[2]].gold++;
    for (const p of pred) {
      const type = p.split(':')[2];
      counts[type].pred++;
      if (goldSet.has(p)) counts[type].correct++;
    }
  }
  const ms = performance.now() - started;
  const f = (c: { gold: number; pred: number; correct: number }) => {
    const p = c.pred ? c.correct / c.pred : 0;
    const r = c.gold ? c.correct / c.gold : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    return { p, r, f1 };
  };
  console.log(`\n${path} — ${label}: ${sentences.length} sentences, ${tokens} tokens, ${(ms / 1000).toFixed(1)} s`);
  console.log('type           gold   pred  correct  precision  recall     F1');
  const micro = { gold: 0, pred: 0, correct: 0 };
  const row = (name: string, c: { gold: number; pred: number; correct: number }) => {
    const { p, r, f1 } = f(c);
    console.log(
      `${name.padEnd(13)} ${String(c.gold).padStart(5)} ${String(c.pred).padStart(6)} ${String(c.correct).padStart(8)}` +
        `   ${p.toFixed(4)}   ${r.toFixed(4)}  ${f1.toFixed(4)}`,
    );
  };
  for (const t of TYPES) {
    row(t, counts[t]);
    micro.gold += counts[t].gold;
    micro.pred += counts[t].pred;
    micro.correct += counts[t].correct;
  }
  row('micro', micro);
}

// Worker threads run findEntities bundled by esbuild, as the engine's indexing workers do.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.bundle).then(({ findEntities, setEntityModelDir, loadTagger }) => {
  setEntityModelDir(workerData.modelDir);
  const loadStarted = performance.now();
  loadTagger();
  const loadMs = performance.now() - loadStarted;
  const started = performance.now();
  let entities = 0;
  for (const t of workerData.texts) entities += findEntities(t).length;
  parentPort.postMessage({ loadMs, tagMs: performance.now() - started, entities });
});`;

async function inWorkers(texts: string[], n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entities-eval-'));
  const bundle = join(dir, 'entities.mjs');
  await build({
    stdin: { contents: "export { findEntities, setEntityModelDir } from './src/entities/index.ts'; export { loadTagger } from './src/entities/load-model.ts';", resolveDir: repo, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
  });
  const modelDir = process.env.ARCHIVE_READER_MODELS ?? join(repo, 'assets/models');
  const started = performance.now();
  const shares = Array.from({ length: n }, (_, w) => texts.filter((_, i) => i % n === w));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ loadMs: number; tagMs: number }>((resolveResult, reject) => {
          const workerData = { texts: share, bundle: pathToFileURL(bundle).href, modelDir };
          const worker = new Worker(WORKER_CODE, { eval: true, workerData });
          worker.once('message', resolveResult);
          worker.once('error', reject);
        }),
    ),
  );
  const wall = performance.now() - started;
  console.log(
    `${n} worker threads: ${(wall / 1000).toFixed(2)} s wall for the corpus; per worker: model load ` +
      results.map((r) => `${r.loadMs.toFixed(0)} ms`).join(', ') +
      `; tagging ${results.map((r) => `${(r.tagMs / 1000).toFixed(2)} s`).join(', ')}`,
  );
}

async function throughput(path: string) {
  if (!existsSync(path)) {
    console.log(`\ncorpus not found: ${path} — pass its path with --corpus (ANT v1.1, JSONL with title and body)`);
    return;
  }
  const raw = readFileSync(path);
  const lines = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n').filter((l) => l.trim());
  const texts: string[] = [];
  for (const line of lines) {
    const a = JSON.parse(line) as { title?: string; body?: string };
    texts.push(`${a.title ?? ''}\n\n${a.body ?? ''}`);
  }
  let tokens = 0;
  for (const t of texts) tokens += tokenize(t).length;
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let entities = 0;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    entities = 0;
    for (const t of texts) entities += findEntities(t).length;
    const used = process.cpuUsage(cpu);
    runs.push(performance.now() - started);
    cpuRuns.push((used.user + used.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  cpuRuns.sort((a, b) => a - b);
  const median = runs[1];
  console.log(`\n${path}: ${texts.length} articles (title + body), ${tokens} tokens, ${entities} entities`);
  console.log(`findEntities, single thread: ${(median / 1000).toFixed(2)} s median of 3 runs (${runs.map((r) => (r / 1000).toFixed(2)).join(', ')})`);
  console.log(`throughput: ${Math.round(tokens / (median / 1000))} tokens/s, ${(median / texts.length).toFixed(2)} ms per article`);
  console.log(`CPU time (this process, median): ${(cpuRuns[1] / 1000).toFixed(2)} s = ${Math.round(tokens / (cpuRuns[1] / 1000))} tokens/s of CPU — wall time is longer when the machine is busy`);
  if (workers > 1) await inWorkers(texts, workers);
}

async function main() {
  const loadStarted = performance.now();
  const loadCpu = process.cpuUsage();
  loadTagger();
  const loadMs = performance.now() - loadStarted;
  const loadUsage = process.cpuUsage(loadCpu);
  const loadCpuMs = (loadUsage.user + loadUsage.system) / 1000;
  const modelDir = process.env.ARCHIVE_READER_MODELS ?? join(repo, 'assets/models');
  const size = (f: string) => (existsSync(join(modelDir, f)) ? statSync(join(modelDir, f)).size : 0);
  console.log(`model: ${MODEL_FILE} ${(size(MODEL_FILE) / 1e6).toFixed(2)} MB + ${GAZETTEER_FILE} ${(size(GAZETTEER_FILE) / 1e3).toFixed(0)} kB; load ${loadMs.toFixed(0)} ms (${loadCpuMs.toFixed(0)} ms CPU)`);

  for (const path of files) {
    if (!existsSync(path)) {
      console.log(`\nnot found: ${path}`);
      continue;
    }
    const sentences = readConll(path);
    const segmented = looksSegmented(sentences);
    const what = segmented ? 'running text (split clitics re-joined)' : 'running text';
    evaluate(path, segmented, oracle ? `${what}, ORACLE: gold tags through the pipeline` : what);
    if (asGiven && segmented) evaluate(path, false, 'tokens as given (clitics split)');
  }
  if (corpusPath && !oracle) await throughput(corpusPath);
}

await main();
