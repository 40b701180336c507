import { analyzeWordAt, type WordAnalysis } from './analyzer.js';
import { surfaceOf, type Surface } from './normalize.js';
import { forEachToken } from './tokenize.js';

export interface MatchOptions {
  /**
   * Only words carrying the query word's diacritics: every mark typed on a letter of the query word's stem must be
   * on the same letter of the found word (which may carry more). A query typed without marks matches regardless.
   */
  matchDiacritics?: boolean;
  /**
   * Only words whose stem has exactly the query word's spelling of alef, hamza and alef maqsura
   * (أ إ آ ا ء ؤ ئ ى): أحمد finds أحمد, not احمد, and احمد finds احمد only.
   */
  matchHamza?: boolean;
}

interface QueryWord {
  term: string;
  prefix: boolean;
  analysis: WordAnalysis;
  surface: Surface | null;
}

function prepare(queryWords: readonly string[], strict: boolean): { exact: Map<string, QueryWord[]>; prefixes: QueryWord[] } {
  const exact = new Map<string, QueryWord[]>();
  const prefixes: QueryWord[] = [];
  for (const raw of queryWords) {
    const prefix = /\*\s*$/.test(raw);
    const text = prefix ? raw.replace(/\*/g, '') : raw;
    forEachToken(text, (start, end, isArabic) => {
      const analysis = analyzeWordAt(text, start, end, isArabic);
      if (analysis.stop && !prefix) return;
      const term = prefix && analysis.stop ? analysis.norm : analysis.term;
      if (!term) return;
      const word: QueryWord = { term, prefix, analysis, surface: strict ? surfaceOf(text, start, end) : null };
      if (prefix) prefixes.push(word);
      else {
        const list = exact.get(term);
        if (list) list.push(word);
        else exact.set(term, [word]);
      }
    });
  }
  return { exact, prefixes };
}

function stemAgrees(q: QueryWord, doc: WordAnalysis, docSurface: Surface, options: MatchOptions): boolean {
  const qs = q.surface as Surface;
  const qa = q.analysis;
  const qStart = qa.pre;
  const qLen = qa.norm.length - qa.suf - qa.pre;
  const dStart = doc.pre;
  const dLen = doc.norm.length - doc.suf - doc.pre;
  const len = q.prefix ? Math.min(qLen, dLen) : qLen;
  if (!q.prefix && qLen !== dLen) return true; // stems spelled differently (a listed variant): nothing to align
  for (let k = 0; k < len; k++) {
    if (options.matchHamza && qs.strict.charCodeAt(qStart + k) !== docSurface.strict.charCodeAt(dStart + k)) return false;
    if (options.matchDiacritics && (qs.marks[qStart + k] & ~docSurface.marks[dStart + k]) !== 0) return false;
  }
  return true;
}

/**
 * The [start, end) ranges of the words of `text` that a search for `queryWords` matches: words whose indexed term
 * equals a query word's term (a query word ending in `*` matches terms starting with its term), filtered by the
 * strictness options, which compare the original spelling of the stems (clitics and endings aside).
 * Ranges are in document order and cover whole words as written (with their clitics and diacritics).
 */
export function findMatches(text: string, queryWords: readonly string[], options: MatchOptions = {}): [number, number][] {
  const strict = Boolean(options.matchDiacritics || options.matchHamza);
  const { exact, prefixes } = prepare(queryWords, strict);
  const out: [number, number][] = [];
  if (exact.size === 0 && prefixes.length === 0) return out;
  forEachToken(text, (start, end, isArabic) => {
    const doc = analyzeWordAt(text, start, end, isArabic);
    if (doc.stop) return;
    let candidates = exact.get(doc.term);
    if (prefixes.length > 0) {
      for (const p of prefixes) {
        if (doc.term.startsWith(p.term) || (doc.norm.startsWith(p.term) && p.analysis.stop)) {
          candidates = candidates ? [...candidates, p] : [p];
        }
      }
    }
    if (candidates === undefined) return;
    if (!strict) {
      out.push([start, end]);
      return;
    }
    const surface = surfaceOf(text, start, end);
    for (const q of candidates) {
      if (stemAgrees(q, doc, surface, options)) {
        out.push([start, end]);
        return;
      }
    }
  });
  return out;
}
