// Evaluates the Arabic analyzer against stock lunr-languages Arabic (lunr.ar) on composed meet/apart sets, and on a
// corpus (distinct terms, throughput). Usage: npm run eval:analysis [-- CORPUS.jsonl.gz]
// Default corpus: ../shared/data/corpus/ant-v1.1.jsonl.gz relative to the repository (skipped when absent).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import { clearAnalyzerCache, indexTerms, termOf } from '../src/analysis/index.js';
import { APART_PAIRS, MEET_GROUPS } from './analysis-eval-data.js';

const require = createRequire(import.meta.url);
require('lunr-languages/lunr.stemmer.support')(lunr);
require('lunr-languages/lunr.ar')(lunr);
const ar = (lunr as unknown as { ar: Record<string, lunr.PipelineFunction> }).ar;
const stockPipeline = new lunr.Pipeline();
stockPipeline.add(ar.trimmer, ar.stopWordFilter, ar.stemmer);

/** Stock lunr.ar: lunr's default tokenizer, then trimmer, stop-word filter and stemmer. */
function stockTerms(text: string): string[] {
  return stockPipeline.run(lunr.tokenizer(text)).map((t) => t.toString());
}
function stockTermOf(word: string): string {
  return stockTerms(word)[0] ?? '';
}

interface Analyzer {
  name: string;
  termOf: (word: string) => string;
  terms: (text: string) => string[];
}
const analyzers: Analyzer[] = [
  { name: 'ours', termOf, terms: indexTerms },
  { name: 'lunr.ar', termOf: stockTermOf, terms: stockTerms },
];

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function evaluateSets(a: Analyzer, heldOut: boolean) {
  const groups = MEET_GROUPS.filter((g) => Boolean(g.heldOut) === heldOut);
  const apartPairs = APART_PAIRS.filter((p) => Boolean(p.heldOut) === heldOut);
  let pairs = 0;
  let met = 0;
  let dropped = 0;
  let words = 0;
  const misses: string[] = [];
  for (const group of groups) {
    const terms = group.words.map(a.termOf);
    words += terms.length;
    dropped += terms.filter((t) => t === '').length;
    for (let i = 0; i < terms.length; i++)
      for (let j = i + 1; j < terms.length; j++) {
        pairs++;
        if (terms[i] !== '' && terms[i] === terms[j]) met++;
      }
    const distinct = new Set(terms);
    if (distinct.size > 1 || terms[0] === '') misses.push(`${group.label}: ${group.words.map((w, k) => `${w}→${terms[k] || '∅'}`).join(' ')}`);
  }
  let apart = 0;
  let hardApart = 0;
  const hard = apartPairs.filter((p) => p.hard).length;
  const merged: string[] = [];
  for (const pair of apartPairs) {
    const ta = a.termOf(pair.a);
    const tb = a.termOf(pair.b);
    const kept = ta !== tb;
    if (kept && pair.hard) hardApart++;
    else if (kept) apart++;
    else merged.push(`${pair.a}/${pair.b}→${ta || '∅'}${pair.hard ? ' (hard)' : ''}`);
  }
  return { groups: groups.length, pairs, met, words, dropped, apart, hardApart, hard, total: apartPairs.length, misses, merged };
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

function loadCorpus(path: string): string[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const texts: string[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { title?: unknown; body?: unknown };
      texts.push(`${typeof o.title === 'string' ? o.title : ''}\n${typeof o.body === 'string' ? o.body : ''}`);
    } catch {
      skipped++;
    }
  }
  if (skipped > 0) console.log(`(${skipped} lines that are not JSON were skipped)`);
  return texts;
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { verbose: { type: 'boolean', default: false } } });
  const verbose = values.verbose;
  const corpusArg = positionals[0];
  console.log('# Arabic analysis evaluation\n');
  for (const heldOut of [false, true]) {
    const groups = MEET_GROUPS.filter((g) => Boolean(g.heldOut) === heldOut);
    const pairs = APART_PAIRS.filter((p) => Boolean(p.heldOut) === heldOut);
    console.log(heldOut
      ? '\n## Held-out set (written after tuning; none of its words is in the lexicon)\n'
      : '## Development set (used while building the analyzer)\n');
    console.log(`meet groups: ${groups.length} (${groups.reduce((n, g) => n + g.words.length, 0)} words); apart pairs: ${pairs.length} (${pairs.filter((p) => p.hard).length} marked hard)\n`);
    console.log('| analyzer | meet recall (pairs with same term) | content words dropped as stop words | apart pairs kept apart | of which hard pairs kept apart |');
    console.log('|---|---|---|---|---|');
    const results = analyzers.map((a) => ({ a, r: evaluateSets(a, heldOut) }));
    for (const { a, r } of results) {
      console.log(`| ${a.name} | ${r.met}/${r.pairs} = ${pct(r.met, r.pairs)} | ${r.dropped}/${r.words} | ${r.apart + r.hardApart}/${r.total} = ${pct(r.apart + r.hardApart, r.total)} | ${r.hardApart}/${r.hard} |`);
    }
    for (const { a, r } of results) {
      const limit = verbose ? Infinity : 8;
      console.log(`\n${a.name}: groups not fully met (${r.misses.length}/${r.groups})${r.misses.length > limit ? `, first ${limit} (--verbose for all)` : ''}:`);
      for (const m of r.misses.slice(0, limit)) console.log(`  ${m}`);
      console.log(`${a.name}: apart pairs merged (${r.merged.length}): ${r.merged.join(', ') || 'none'}`);
    }
  }

  const corpusPath = resolve(corpusArg ?? resolve(import.meta.dirname, '../../shared/data/corpus/ant-v1.1.jsonl.gz'));
  console.log(`\n## Corpus: ${corpusPath}`);
  if (!existsSync(corpusPath)) {
    console.log('corpus not found — skipping the corpus part (pass its path as the first argument)');
    return;
  }
  const texts = loadCorpus(corpusPath);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`${texts.length} articles (title + body), ${(chars / 1e6).toFixed(2)} M characters\n`);
  console.log('| analyzer | terms produced | distinct terms | first pass (cold) tokens/s, wall | warm tokens/s, wall (median of 5) | warm tokens/s, CPU time (median of 5) |');
  console.log('|---|---|---|---|---|---|');
  for (const a of analyzers) {
    if (a.name === 'ours') clearAnalyzerCache();
    const distinct = new Set<string>();
    let produced = 0;
    let t0 = performance.now();
    for (const t of texts) {
      const terms = a.terms(t);
      produced += terms.length;
      for (const term of terms) distinct.add(term);
    }
    const coldRate = produced / ((performance.now() - t0) / 1000);
    const rates: number[] = [];
    const cpuRates: number[] = [];
    for (let pass = 0; pass < 5; pass++) {
      t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let n = 0;
      for (const t of texts) n += a.terms(t).length;
      const cpu = process.cpuUsage(cpu0);
      rates.push(n / ((performance.now() - t0) / 1000));
      cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
    }
    const fmt = (x: number) => Math.round(x).toLocaleString('en');
    console.log(`| ${a.name} | ${produced} | ${distinct.size} | ${fmt(coldRate)} (includes collecting distinct terms) | ${fmt(median(rates))} | ${fmt(median(cpuRates))} |`);
  }
  console.log('\nThroughput: terms produced (stop words excluded) per second by the analyzer alone (indexTerms for ours; ' +
    'lunr.tokenizer + trimmer/stop-word filter/stemmer for lunr.ar) over all titles+bodies, in-process, strings already in ' +
    'memory. Cold = first pass with the memo cache cleared; warm = median of the 5 passes after it. "wall" divides by ' +
    'elapsed time, "CPU time" by this process\'s user+system CPU time (less distorted when other processes load the machine).');
  const load = (globalThis as { process: NodeJS.Process }).process.platform === 'linux' ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a';
  console.log(`Machine: Node ${process.version}, ${cpus().length} cores; load average while measuring (1/5/15 min): ${load}`);
}

main();
