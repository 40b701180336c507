import lunr from 'lunr';
import type { AnalyzedToken } from '../api.js';
import { normalizeRange } from './normalize.js';
import { stemArabic } from './stem.js';
import { isStopWord } from './stopwords.js';
import { forEachToken } from './tokenize.js';

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

const CACHE_LIMIT = 200_000;
let cache = new Map<string, WordAnalysis>();
let previous = new Map<string, WordAnalysis>();

const latinToken = new lunr.Token('', {});

function stemLatin(norm: string): string {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return norm; // digits, mixed forms: indexed as written
  }
  latinToken.update(() => norm);
  return (lunr.stemmer(latinToken) as lunr.Token).toString();
}

function analyzeForm(norm: string, isArabic: boolean): WordAnalysis {
  if (norm.length === 0 || isStopWord(norm)) return { norm, term: '', stop: true, pre: 0, suf: 0 };
  if (!isArabic) return { norm, term: stemLatin(norm), stop: false, pre: 0, suf: 0 };
  const stem = stemArabic(norm);
  return { norm, term: stem.term, stop: false, pre: stem.pre, suf: stem.suf };
}

/** The analysis of text[start, end) (one word as found by the tokenizer), memoized by its written form. */
export function analyzeWordAt(text: string, start: number, end: number, isArabic: boolean): WordAnalysis {
  const raw = text.slice(start, end);
  let hit = cache.get(raw);
  if (hit !== undefined) return hit;
  hit = previous.get(raw);
  if (hit === undefined) hit = analyzeForm(normalizeRange(text, start, end), isArabic);
  if (cache.size >= CACHE_LIMIT) {
    previous = cache;
    cache = new Map();
  }
  cache.set(raw, hit);
  return hit;
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
  forEachToken(text, (start, end, isArabic) => {
    const a = analyzeWordAt(text, start, end, isArabic);
    out.push({ text: text.slice(start, end), start, end, norm: a.norm, term: a.term, stop: a.stop });
  });
  return out;
}

/** The indexed terms of `text` in order, stop words left out: what the indexer stores. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (start, end, isArabic) => {
    const a = analyzeWordAt(text, start, end, isArabic);
    if (!a.stop) out.push(a.term);
  });
  return out;
}

/** Calls visit(term, start, end) for each indexed word of `text` (stop words skipped). */
export function forEachTerm(text: string, visit: (term: string, start: number, end: number) => void): void {
  forEachToken(text, (start, end, isArabic) => {
    const a = analyzeWordAt(text, start, end, isArabic);
    if (!a.stop) visit(a.term, start, end);
  });
}

/** Forgets memoized words (for measurements). */
export function clearAnalyzerCache(): void {
  cache = new Map();
  previous = new Map();
}
