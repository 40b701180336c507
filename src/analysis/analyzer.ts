import lunr from 'lunr';
import type { AnalyzedToken } from '../api.js';
import { copyRange, normalizeRange } from './normalize.js';
import { stemArabic } from './stem.js';
import { isStopWord } from './stopwords.js';
import { forEachToken, hashRange, someToken } from './tokenize.js';

/** Everything the analyzer knows about one written form of a word. */
export interface WordAnalysis {
  norm: string;
  /** The indexed term ('' for a stop word). */
  term: string;
  stop: boolean;
  /** The stem is norm.slice(pre, norm.length - suf); clitics and endings lie outside it. */
  pre: number;
  suf: number;
}

// Memo of written form → analysis: an open-addressing table keyed by the tokenizer's hash, compared against the
// text in place, so a word seen before costs no allocation. Cleared when it fills up. 2^16 slots (39,000 words
// before a clear) hold about 5 MB; 2^18 held 15 MB per indexing worker for little speed (indexTerms over
// 10,000 articles: 474 ms of CPU with 2^18, 526 ms with 2^16), and the entries it drops in bulk at a clear are
// old-generation garbage that the workers' heaps grew to hold.
const TABLE_BITS = 16;
const TABLE_SIZE = 1 << TABLE_BITS;
const TABLE_MASK = TABLE_SIZE - 1;
const MAX_ENTRIES = TABLE_SIZE * 0.6;
let keys: (string | undefined)[] = new Array(TABLE_SIZE);
let values: (WordAnalysis | undefined)[] = new Array(TABLE_SIZE);
let hashes = new Int32Array(TABLE_SIZE);
let entries = 0;

function sameText(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

const latinToken = new lunr.Token('', {});

function stemLatin(norm: string): string {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return norm; // digits, mixed forms: indexed as written
  }
  latinToken.update(() => norm);
  return (lunr.stemmer(latinToken) as lunr.Token).toString();
}

// Written with a final ي these are words (the name Ali, "actual"); written with ى they are the preposition على.
const NAMES_NOT_PREPOSITIONS = new Set(['علي', 'وعلي', 'لعلي', 'فعلي', 'بعلي']);

function endsWithYeh(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x064a || c === 0xfef2 || c === 0xfef1) return true;
    if (c < 0x064b || c > 0x065f) return false;
  }
  return false;
}

function analyzeForm(norm: string, isArabic: boolean, yehEnding = false): WordAnalysis {
  if (yehEnding && NAMES_NOT_PREPOSITIONS.has(norm)) {
    const stem = stemArabic(norm);
    return { norm, term: stem.term, stop: false, pre: stem.pre, suf: stem.suf };
  }
  if (norm.length === 0 || isStopWord(norm)) return { norm, term: '', stop: true, pre: 0, suf: 0 };
  if (!isArabic) return { norm, term: stemLatin(norm), stop: false, pre: 0, suf: 0 };
  const stem = stemArabic(norm);
  return { norm, term: stem.term, stop: false, pre: stem.pre, suf: stem.suf };
}

/** The analysis of text[start, end) (one word as found by the tokenizer), memoized by its written form. */
export function analyzeWordAt(
  text: string,
  start: number,
  end: number,
  isArabic: boolean,
  hash = hashRange(text, start, end),
): WordAnalysis {
  let slot = hash & TABLE_MASK;
  for (;;) {
    const key = keys[slot];
    if (key === undefined) break;
    if (hashes[slot] === hash && sameText(key, text, start, end)) return values[slot] as WordAnalysis;
    slot = (slot + 1) & TABLE_MASK;
  }
  const analysis = analyzeForm(normalizeRange(text, start, end), isArabic, isArabic && endsWithYeh(text, start, end));
  if (entries >= MAX_ENTRIES) {
    clearAnalyzerCache();
    slot = hash & TABLE_MASK;
  }
  keys[slot] = copyRange(text, start, end);
  values[slot] = analysis;
  hashes[slot] = hash;
  entries++;
  return analysis;
}

/** Analysis of a single word typed on its own (e.g. a query word); punctuation around it is ignored. */
export function analyzeWord(word: string): WordAnalysis | undefined {
  let found: WordAnalysis | undefined;
  forEachToken(word, (start, end, isArabic) => {
    if (found === undefined) found = analyzeWordAt(word, start, end, isArabic);
  });
  return found;
}

/** The indexed term of one word ('' for a stop word or a string without letters/digits). */
export function termOf(word: string): string {
  return analyzeWord(word)?.term ?? '';
}

/** Every word of `text` with its offsets, normalized form and indexed term. */
export function analyze(text: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  forEachToken(text, (start, end, isArabic, hash) => {
    const a = analyzeWordAt(text, start, end, isArabic, hash);
    out.push({ text: text.slice(start, end), start, end, norm: a.norm, term: a.term, stop: a.stop });
  });
  return out;
}

/** The indexed terms of `text` in order, stop words left out: what the indexer stores. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  someToken(text, (start, end, isArabic, hash) => {
    const a = analyzeWordAt(text, start, end, isArabic, hash);
    if (!a.stop) out.push(a.term);
    return false;
  });
  return out;
}

/** Calls visit(term, start, end) for each indexed word of `text` (stop words skipped). */
export function forEachTerm(text: string, visit: (term: string, start: number, end: number) => void): void {
  someWord(text, (a, start, end) => {
    if (!a.stop) visit(a.term, start, end);
    return false;
  });
}

/**
 * Calls visit(analysis, start, end) for each word of `text` in order, stop words included, until it returns true;
 * returns whether it did. (No token objects: phrase checks read thousands of articles per query.)
 */
export function someWord(text: string, visit: (a: WordAnalysis, start: number, end: number) => boolean): boolean {
  return someToken(text, (start, end, isArabic, hash) => visit(analyzeWordAt(text, start, end, isArabic, hash), start, end));
}

/** Forgets memoized words (for measurements). */
export function clearAnalyzerCache(): void {
  keys = new Array(TABLE_SIZE);
  values = new Array(TABLE_SIZE);
  hashes = new Int32Array(TABLE_SIZE);
  entries = 0;
}
