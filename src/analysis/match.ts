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
  /** Edit distance allowed (`word~n`), 0 for exact. */
  fuzzy: number;
  analysis: WordAnalysis;
  surface: Surface | null;
}

interface PreparedQuery {
  exact: Map<string, QueryWord[]>;
  /** Prefix and fuzzy words, tested against each distinct term of the text. */
  loose: QueryWord[];
}

/** Lunr query syntax around a word: a leading +, a field name (`title:`), a trailing `^boost`. */
const FIELD = /^[A-Za-z_]+:/;

function prepare(queryWords: readonly string[], strict: boolean): PreparedQuery {
  const exact = new Map<string, QueryWord[]>();
  const loose: QueryWord[] = [];
  for (const raw of queryWords) {
    for (let part of raw.split(/\s+/)) {
      if (part.startsWith('-')) continue; // a prohibited word is never highlighted
      part = part.replace(/^\+/, '').replace(FIELD, '').replace(/\^\d+(\.\d+)?$/, '');
      let fuzzy = 0;
      const tilde = /~(\d*)$/.exec(part);
      if (tilde) {
        fuzzy = tilde[1] === '' ? 1 : Number(tilde[1]);
        part = part.slice(0, tilde.index);
      }
      forEachToken(part, (start, end, isArabic) => {
        const prefix = part.charCodeAt(end) === 0x2a; // '*' right after the word
        const analysis = analyzeWordAt(part, start, end, isArabic);
        if (analysis.stop && !prefix) return;
        const term = prefix && analysis.stop ? analysis.norm : analysis.term;
        if (!term) return;
        const word: QueryWord = { term, prefix, fuzzy, analysis, surface: strict ? surfaceOf(part, start, end) : null };
        if (prefix || fuzzy > 0) loose.push(word);
        else {
          const list = exact.get(term);
          if (list) list.push(word);
          else exact.set(term, [word]);
        }
      });
    }
  }
  return { exact, loose };
}

/** Whether a and b are within `max` single-character edits (insert, delete, substitute). */
export function withinEditDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length] <= max;
}

function looseMatch(q: QueryWord, doc: WordAnalysis): boolean {
  if (q.prefix) return doc.term.startsWith(q.term) || (q.analysis.stop && doc.norm.startsWith(q.term));
  return withinEditDistance(q.term, doc.term, q.fuzzy);
}

function stemAgrees(q: QueryWord, doc: WordAnalysis, docSurface: Surface, options: MatchOptions): boolean {
  const qs = q.surface as Surface;
  const qa = q.analysis;
  const qStart = qa.pre;
  const qLen = qa.norm.length - qa.suf - qa.pre;
  const dStart = doc.pre;
  const dLen = doc.norm.length - doc.suf - doc.pre;
  const len = q.prefix ? Math.min(qLen, dLen) : qLen;
  // Stems spelled differently (a listed variant such as سنة/سنوات, or a fuzzy match): nothing to align.
  if (!q.prefix && (qLen !== dLen || !qa.norm.startsWith(doc.norm.slice(dStart, dStart + dLen), qStart))) return true;
  for (let k = 0; k < len; k++) {
    if (options.matchHamza && qs.strict.charCodeAt(qStart + k) !== docSurface.strict.charCodeAt(dStart + k)) return false;
    if (options.matchDiacritics && (qs.marks[qStart + k] & ~docSurface.marks[dStart + k]) !== 0) return false;
  }
  return true;
}

/**
 * The [start, end) ranges of the words of `text` that a search for `queryWords` matches: words whose indexed term
 * equals a query word's term, filtered by the strictness options, which compare the original spelling of the stems
 * (clitics and endings aside). Ranges are in document order and cover whole words as written (with their clitics
 * and diacritics). Query words may be given one per element or as whole query strings, in Lunr syntax:
 * `word*` matches terms starting with the word's term, `word~n` terms within n edits, `-word` is skipped,
 * `+word`, `field:word` and `word^n` are read as `word`. Stop words never match.
 */
export function findMatches(text: string, queryWords: readonly string[], options: MatchOptions = {}): [number, number][] {
  const strict = Boolean(options.matchDiacritics || options.matchHamza);
  const { exact, loose } = prepare(queryWords, strict);
  const out: [number, number][] = [];
  if (exact.size === 0 && loose.length === 0) return out;
  const looseByTerm = new Map<string, QueryWord[] | undefined>();
  forEachToken(text, (start, end, isArabic, hash) => {
    const doc = analyzeWordAt(text, start, end, isArabic, hash);
    if (doc.stop) return;
    let candidates = exact.get(doc.term);
    if (loose.length > 0) {
      let extra = looseByTerm.get(doc.term);
      if (!looseByTerm.has(doc.term)) {
        const found = loose.filter((q) => looseMatch(q, doc));
        extra = found.length > 0 ? found : undefined;
        looseByTerm.set(doc.term, extra);
      }
      if (extra) candidates = candidates ? [...candidates, ...extra] : extra;
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
