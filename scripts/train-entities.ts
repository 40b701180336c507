// Trains the entity tagger (averaged structured perceptron, Viterbi with BIO constraints) on WikiFANE
// Gold and writes assets/models/entities-model.bin.gz, plus the place-name gazetteer it uses as a feature
// (assets/models/gazetteer.json, built from CLDR and i18n-iso-countries). Deterministic for a seed.
//
//   npm run train:entities -- [--data DIR] [--corpus PATH] [--epochs N] [--seed N] [--segmented] [--out DIR]
//                             [--news N] [--clusters K] [--min-count N] [--prune W] [--outside-bias B]
//                             [--clusters-from MODEL] [--no-names] [--ensemble N] [--holdout F]
//
// Word clusters (a feature) are learned from the training text plus the unlabeled news corpus at PATH
// (default ../shared/data/corpus/ant-v1.1.jsonl.gz, JSONL with title and body; --corpus none to skip);
// --clusters-from MODEL takes them from an existing model file instead (faster experiments).
// Defaults: 8 epochs, seed 20141, 5000 news-style sentences, 512 clusters, features seen ≥ 2 times,
// weights below 3 pruned, O score lowered by 5, one perceptron (--ensemble N averages N of them, each
// seeing the sentences in its own order: scores then depend less on one order — single models differ by up
// to 0.009 F1 on WikiFANE dev by seed). --out DIR writes the model elsewhere (default assets/models). DIR defaults to ../shared/data/ner (wikifane.train.conll.gz).
// --segmented also trains on the corpus's own clitic-segmented token stream besides the re-joined running text.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clusterLookup, learnClusters, type ClusterLookup } from '../src/entities/clusters.js';
import { MAX_FEATURES, sentenceFeatures, wordHash } from '../src/entities/features.js';
import { Gazetteer, type GazetteerData } from '../src/entities/gazetteer.js';
import { MODEL_FILE } from '../src/entities/load-model.js';
import { decodeModel, encodeModel, type ModelHeader } from '../src/entities/model.js';
import { foldArabic } from '../src/entities/normalize.js';
import { NameCounts, type NameLookup } from '../src/entities/name-dictionary.js';
import { NUM_TAGS, TAGS } from '../src/entities/tags.js';
import { tokenize } from '../src/entities/tokenize.js';
import { namePools, newsSentences } from '../src/entities/news-templates.js';
import { bioLabels, readConll, runningText, type ConllToken } from '../src/entities/training-data.js';
import { viterbi } from '../src/entities/viterbi.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VALUED = ['data', 'epochs', 'seed', 'corpus', 'clusters', 'news', 'outside-bias', 'ensemble', 'out', 'holdout', 'clusters-from', 'min-count', 'prune'];
const { values: options } = parseArgs({
  options: {
    ...Object.fromEntries(VALUED.map((name) => [name, { type: 'string' as const }])),
    segmented: { type: 'boolean' },
    'no-names': { type: 'boolean' },
  },
});
const flag = (name: string, fallback: string) => ((options as Record<string, unknown>)[name] as string | undefined) || fallback;
const dataDir = resolve(flag('data', join(repo, '../shared/data/ner')));
const epochs = Number(flag('epochs', '8'));
const seed = Number(flag('seed', '20141'));
const withSegmented = options.segmented === true;
const corpusPath = flag('corpus', join(repo, '../shared/data/corpus/ant-v1.1.jsonl.gz'));
const clusterCount = Number(flag('clusters', '512'));
const newsCount = Number(flag('news', '5000'));
const outsideBias = Number(flag('outside-bias', '5'));
const members = Number(flag('ensemble', '1'));
const outDir = resolve(flag('out', join(repo, 'assets/models')));

function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- gazetteer -------------------------------------------------------------------------------------
function buildGazetteer(): GazetteerData {
  const require = createRequire(import.meta.url);
  const places = new Set<string>();
  const territories = require('cldr-localenames-full/main/ar/territories.json').main.ar.localeDisplayNames.territories as Record<string, string>;
  for (const [code, name] of Object.entries(territories)) if (!/^(001|ZZ)/.test(code)) places.add(name);
  const zones = require('cldr-dates-full/main/ar/timeZoneNames.json').main.ar.dates.timeZoneNames.zone;
  const walk = (o: Record<string, unknown>) => {
    for (const [key, v] of Object.entries(o)) {
      if (!v || typeof v !== 'object') continue;
      const city = (v as { exemplarCity?: string }).exemplarCity;
      if (city && key !== 'Unknown') places.add(city);
      walk(v as Record<string, unknown>);
    }
  };
  walk(zones);
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/ar.json'));
  for (const names of Object.values(countries.getNames('ar', { select: 'all' })) as string[][]) for (const n of names) places.add(n);
  const LOC = [...places].map((p) => p.replace(/\s*\(.*?\)\s*/g, ' ').trim()).filter((p) => p.length > 1);
  return { names: { LOC: [...new Set(LOC)].sort() } };
}

// ---- training data -----------------------------------------------------------------------------------
interface Example {
  rows: Int32Array; // n × MAX_FEATURES feature rows, -1 = none
  gold: Int32Array;
}

/** Tokens of the running text as the runtime tokenizer cuts them, with gold tags from the corpus tokens. */
function goldSentence(tokens: ConllToken[], rejoin: boolean): { words: string[]; gold: Int32Array } {
  const { text, spans } = runningText(tokens, rejoin);
  const labels = bioLabels(tokens, false);
  const runtime = tokenize(text);
  const words = runtime.map((t) => foldArabic(t.text));
  const gold = new Int32Array(runtime.length);
  let j = 0;
  let prevLabel: string | null = null;
  runtime.forEach((tok, i) => {
    let label: string | null = null;
    let begin = false;
    while (j < spans.length && spans[j].end <= tok.start) j++;
    for (let k = j; k < spans.length && spans[k].start < tok.end; k++) {
      if (labels[k].label) {
        if (!label) begin = labels[k].begin || spans[k].start < tok.start;
        label ??= labels[k].label;
      }
    }
    if (label) {
      const b = TAGS.indexOf(`B-${label}`);
      gold[i] = begin || prevLabel !== label ? b : b + 1;
    }
    prevLabel = label;
  });
  return { words, gold };
}

const started = performance.now();
const gazData = buildGazetteer();
const gazetteer = new Gazetteer(gazData);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'gazetteer.json'), JSON.stringify(gazData) + '\n');
console.error(`gazetteer: ${gazData.names.LOC.length} place names`);

const trainPath = join(dataDir, 'wikifane.train.conll.gz');
if (!existsSync(trainPath)) {
  console.error(`training data not found: ${trainPath} (pass --data DIR)`);
  process.exit(1);
}
const allTrain = readConll(trainPath);
// --holdout F: train on the first 1 - F of the training sentences only and write the rest to DIR/holdout.conll
// (`npm run eval:entities -- DIR/holdout.conll` with ARCHIVE_READER_MODELS=DIR), to choose between models
// without looking at dev: like dev, the last sentences are mostly other articles. The clusters are then learned
// without the held-out text too (not with --clusters-from, whose model saw it).
const holdout = Number(flag('holdout', '0'));
const keepCount = holdout > 0 ? Math.round(allTrain.length * (1 - holdout)) : allTrain.length;
const corpus = allTrain.slice(0, keepCount);
if (holdout > 0) {
  const held = allTrain.slice(keepCount);
  writeFileSync(join(outDir, 'holdout.conll'), held.map((s) => s.map((t) => `${t.text}\t${t.tag}`).join('\n') + '\n').join('\n'));
  console.error(`holdout: ${held.length} sentences → ${join(outDir, 'holdout.conll')}`);
}
const sentences = corpus.map((s) => goldSentence(s, true));
if (withSegmented) sentences.push(...corpus.map((s) => goldSentence(s, false)));
const news = newsSentences(namePools(corpus), newsCount, mulberry32(seed + 2));
sentences.push(...news.map((s) => goldSentence(s, true)));

// ---- word clusters from unlabeled text ------------------------------------------------------------------
function* unlabeledSentences(): Generator<string[]> {
  for (const { words } of sentences) yield words;
  if (corpusPath === 'none') return;
  if (!existsSync(corpusPath)) {
    console.error(`unlabeled corpus not found: ${corpusPath} — clusters from the training text only`);
    return;
  }
  const raw = readFileSync(corpusPath);
  const text = (corpusPath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { title?: string; body?: string };
    for (const part of [a.title ?? '', ...(a.body ?? '').split(/\n+/)]) {
      const words = tokenize(part).map((t) => foldArabic(t.text));
      if (words.length) yield words;
    }
  }
}

let clusterKeys = new Uint32Array(0);
let clusterIds = new Uint32Array(0);
let clusters: ClusterLookup | null = null;
const clustersFrom = flag('clusters-from', '');
if (clustersFrom) {
  // Reuse the word clusters of an existing model (they do not depend on the labels): quicker experiments.
  const donor = decodeModel(readFileSync(resolve(clustersFrom)));
  clusterKeys = donor.clusterKeys.slice();
  clusterIds = donor.clusterIds.slice();
  clusters = clusterLookup({ keys: clusterKeys, ids: clusterIds }, wordHash);
  console.error(`clusters: ${clusterKeys.length} words from ${clustersFrom}`);
} else if (clusterCount > 0) {
  const clusterStarted = performance.now();
  const learned = learnClusters(unlabeledSentences(), {
    minCount: 4,
    contextWords: 600,
    fine: clusterCount,
    coarse: 32,
    iterations: 8,
    random: mulberry32(seed + 1),
  });
  const entries = [...learned].map(([w, id]) => [wordHash(w), id] as const).sort((a, b) => a[0] - b[0]);
  clusterKeys = Uint32Array.from(entries.map(([k]) => k));
  clusterIds = Uint32Array.from(entries.map(([, id]) => id));
  clusters = clusterLookup({ keys: clusterKeys, ids: clusterIds }, wordHash);
  console.error(`clusters: ${entries.length} words in ${clusterCount} clusters, ${((performance.now() - clusterStarted) / 1000).toFixed(1)} s`);
}

// ---- name dictionary: words seen in names, per type; each fold's codes come from the other folds -------
const FOLDS = 5;
const useNames = options['no-names'] !== true;
const wikiSentences = corpus.length;
const foldOf = (i: number) => (i < (withSegmented ? 2 : 1) * wikiSentences ? i % wikiSentences : i) % FOLDS;
const nameCodesAll = new NameCounts();
const foldCounts = Array.from({ length: FOLDS }, () => new NameCounts());
if (useNames) {
  for (let i = 0; i < wikiSentences; i++) {
    const { words, gold } = sentences[i];
    nameCodesAll.add(words, gold);
    for (let f = 0; f < FOLDS; f++) if (f !== foldOf(i)) foldCounts[f].add(words, gold);
  }
}
const allNameCodes = nameCodesAll.codes();
const foldNames: NameLookup[] = foldCounts.map((counts) => {
  const codes = counts.codes();
  return (w: string) => codes.get(w) ?? 0;
});
console.error(`name dictionary: ${allNameCodes.size} words`);

const rowOf = new Map<number, number>();
const lexicon = new Map<number, number>();
const examples: Example[] = [];
let tokenCount = 0;
for (const [index, { words, gold }] of sentences.entries()) {
  const feats = sentenceFeatures(words, gazetteer, clusters, useNames ? foldNames[foldOf(index)] : null);
  const rows = new Int32Array(words.length * MAX_FEATURES).fill(-1);
  for (let k = 0; k < rows.length; k++) {
    const key = feats[k];
    if (key === 0) continue;
    let row = rowOf.get(key);
    if (row === undefined) rowOf.set(key, (row = rowOf.size));
    rows[k] = row;
  }
  for (const w of words) lexicon.set(wordHash(w), (lexicon.get(wordHash(w)) ?? 0) + 1);
  examples.push({ rows, gold });
  tokenCount += words.length;
}
const minFeatureCount = Number(flag('min-count', '2'));
if (minFeatureCount > 1) {
  const seen = new Uint32Array(rowOf.size);
  for (const ex of examples) for (const r of ex.rows) if (r >= 0) seen[r]++;
  for (const ex of examples) for (let k = 0; k < ex.rows.length; k++) if (ex.rows[k] >= 0 && seen[ex.rows[k]] < minFeatureCount) ex.rows[k] = -1;
}
console.error(`${examples.length} sentences, ${tokenCount} tokens, ${rowOf.size} features`);

// ---- averaged structured perceptron -------------------------------------------------------------------
const T = NUM_TAGS;
const W = new Float32Array(rowOf.size * T);
const U = new Float32Array(rowOf.size * T);
const TR = new Float64Array((T + 1) * T);
const TU = new Float64Array((T + 1) * T);
let c = 1;

function emissionsOf(ex: Example): Float64Array {
  const n = ex.gold.length;
  const e = new Float64Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let k = i * MAX_FEATURES; k < (i + 1) * MAX_FEATURES; k++) {
      const r = ex.rows[k];
      if (r < 0) continue;
      for (let t = 0; t < T; t++) e[i * T + t] += W[r * T + t];
    }
  }
  return e;
}

function update(ex: Example, i: number, tag: number, delta: number) {
  for (let k = i * MAX_FEATURES; k < (i + 1) * MAX_FEATURES; k++) {
    const r = ex.rows[k];
    if (r < 0) continue;
    W[r * T + tag] += delta;
    U[r * T + tag] += c * delta;
  }
}

function updateTransition(prev: number, tag: number, delta: number) {
  const at = (prev < 0 ? T : prev) * T + tag;
  TR[at] += delta;
  TU[at] += c * delta;
}

/** One averaged perceptron, its examples shuffled by `random`; leaves its averaged weights in W and TR. */
function trainMember(random: () => number) {
  W.fill(0);
  U.fill(0);
  TR.fill(0);
  TU.fill(0);
  c = 1;
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.gold.length;
      const pred = viterbi(emissionsOf(ex), n, TR);
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        const p = pred[i];
        if (g !== p) {
          errors++;
          update(ex, i, g, 1);
          update(ex, i, p, -1);
        }
        const gPrev = i > 0 ? ex.gold[i - 1] : -1;
        const pPrev = i > 0 ? pred[i - 1] : -1;
        if (g !== p || gPrev !== pPrev) {
          updateTransition(gPrev, g, 1);
          updateTransition(pPrev, p, -1);
        }
      }
      c++;
    }
    console.error(`epoch ${epoch}: ${errors} token errors (${((100 * errors) / tokenCount).toFixed(2)}%)`);
  }
  for (let i = 0; i < W.length; i++) W[i] -= U[i] / c;
  for (let i = 0; i < TR.length; i++) TR[i] -= TU[i] / c;
}

// --ensemble N: N perceptrons over the same features, each seeing the examples in its own order, averaged.
const sumW = new Float32Array(W.length);
const sumTR = new Float64Array(TR.length);
for (let member = 0; member < members; member++) {
  trainMember(mulberry32(seed + 100 * member));
  for (let i = 0; i < W.length; i++) sumW[i] += W[i] / members;
  for (let i = 0; i < TR.length; i++) sumTR[i] += TR[i] / members;
}
W.set(sumW);
TR.set(sumTR);

// ---- prune, quantize, write -------------------------------------------------------------------
const pruneBelow = Number(flag('prune', '3'));
let maxAbs = 0;
const kept: [number, number][] = [];
for (const [key, row] of rowOf) {
  let m = 0;
  for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(W[row * T + t]));
  if (m >= pruneBelow) {
    kept.push([key, row]);
    maxAbs = Math.max(maxAbs, m);
  }
}
kept.sort((a, b) => a[0] - b[0]);
const scale = maxAbs / 32767;
const featureKeys = new Uint32Array(kept.length);
const weights = new Int16Array(kept.length * T);
kept.forEach(([key, row], i) => {
  featureKeys[i] = key;
  for (let t = 0; t < T; t++) weights[i * T + t] = Math.round(W[row * T + t] / scale);
});
const lex = [...lexicon].filter(([, n]) => n >= 2).sort((a, b) => a[0] - b[0]);
const nameEntries = [...allNameCodes].map(([w, code]) => [wordHash(w), code] as const).sort((a, b) => a[0] - b[0]);
const header: ModelHeader = {
  version: 1,
  tags: [...TAGS],
  scale,
  features: kept.length,
  lexicon: lex.length,
  clusters: clusterKeys.length,
  names: nameEntries.length,
  outsideBias,
  transitions: [...TR],
  trainedOn: `WikiFANE Gold train (${examples.length} sentences${withSegmented ? ', re-joined + segmented' : ', re-joined clitics'}), ${epochs} epochs${members > 1 ? `, ${members} perceptrons averaged` : ''}, seed ${seed}`,
};
const model = encodeModel(header, {
  featureKeys,
  weights,
  lexiconKeys: Uint32Array.from(lex.map(([k]) => k)),
  lexiconCounts: Uint16Array.from(lex.map(([, n]) => Math.min(n, 65535))),
  clusterKeys,
  clusterIds,
  nameKeys: Uint32Array.from(nameEntries.map(([k]) => k)),
  nameCodes: Uint8Array.from(nameEntries.map(([, code]) => code)),
});
const packed = gzipSync(model, { level: 9 });
writeFileSync(join(outDir, MODEL_FILE), packed);
const seconds = (performance.now() - started) / 1000;
console.log(`model: ${kept.length} of ${rowOf.size} features kept, lexicon ${lex.length}, ${(packed.length / 1e6).toFixed(2)} MB compressed (${(model.length / 1e6).toFixed(2)} MB raw) → ${join(outDir, MODEL_FILE)}`);
console.log(`training time: ${seconds.toFixed(1)} s`);
