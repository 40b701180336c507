import { LEXICON } from './lexicon.js';

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;

/** Suffix units, any sequence of which may be stripped (ا only as the last letter, ت only before another unit). */
const SUFFIXES = ['ي', 'ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ين', 'ون', 'ات', 'ت', 'ا'];
const MAX_PREFIX = 6;
const MAX_SUFFIX = 7;

/** Where the stem of a normalized Arabic word starts and ends (norm.slice(pre, norm.length - suf)), and its term. */
export interface Stem {
  term: string;
  pre: number;
  suf: number;
}

function isProclitic(c: number): boolean {
  return c === WAW || c === FEH || c === BEH || c === KAF || c === LAM;
}

/** Bit p set ⇔ norm[0, p) is a sequence of attached conjunctions/prepositions/articles (و ف ب ك ل ال). */
function prefixCuts(norm: string): number {
  const n = norm.length;
  let reach = 1;
  const limit = Math.min(n - 2, MAX_PREFIX);
  for (let p = 0; p < limit; p++) {
    if ((reach & (1 << p)) === 0) continue;
    const c = norm.charCodeAt(p);
    if (isProclitic(c)) reach |= 1 << (p + 1);
    else if (c === ALEF && norm.charCodeAt(p + 1) === LAM) reach |= 1 << (p + 2);
  }
  return reach;
}

/** Bit k set ⇔ the last k letters of norm are a sequence of suffix units. */
function suffixCuts(norm: string): number {
  const n = norm.length;
  let reach = 1;
  const limit = Math.min(n - 2, MAX_SUFFIX);
  for (let k = 0; k < limit; k++) {
    if ((reach & (1 << k)) === 0) continue;
    const end = n - k;
    for (const unit of SUFFIXES) {
      const len = unit.length;
      if (k + len > limit) continue;
      if (unit === 'ا' && k !== 0) continue;
      if (unit === 'ت' && k === 0) continue;
      if (!norm.endsWith(unit, end)) continue;
      reach |= 1 << (k + len);
    }
  }
  return reach;
}

function endsWithArticle(norm: string, pre: number): boolean {
  return pre >= 2 && norm.charCodeAt(pre - 2) === ALEF && norm.charCodeAt(pre - 1) === LAM;
}

/**
 * Light stemming of a normalized Arabic word: strips attached و ف ب ك ل and the article from the front and
 * pronoun/plural/nisba/feminine endings from the back, as much as possible while the stem keeps at least three
 * letters (two after the article). A stem listed in the lexicon wins over further cutting. On ties the shorter
 * prefix is preferred (لعبة → لعب, not عبه).
 */
export function stemArabic(norm: string): Stem {
  const n = norm.length;
  if (n < 3) return { term: norm, pre: 0, suf: 0 };
  const pres = prefixCuts(norm);
  const sufs = suffixCuts(norm);
  const whole = LEXICON.get(norm);
  if (whole !== undefined) return { term: whole, pre: 0, suf: 0 };
  let bestPre = 0;
  let bestSuf = 0;
  let bestLexPre = -1;
  let bestLexSuf = 0;
  let lexTerm = '';
  for (let pre = 0; pre <= MAX_PREFIX && pre < n; pre++) {
    if ((pres & (1 << pre)) === 0) continue;
    for (let suf = 0; suf <= MAX_SUFFIX && pre + suf < n; suf++) {
      if ((sufs & (1 << suf)) === 0) continue;
      const core = n - pre - suf;
      if (core < 2) continue;
      if (pre + suf > 0 && (pre + suf > bestLexPre + bestLexSuf || bestLexPre < 0)) {
        const lex = LEXICON.get(norm.slice(pre, n - suf));
        if (lex !== undefined) {
          bestLexPre = pre;
          bestLexSuf = suf;
          lexTerm = lex;
        }
      }
      const minCore = endsWithArticle(norm, pre) && suf === 0 ? 2 : 3;
      if (core < minCore) continue;
      if (pre + suf > bestPre + bestSuf) {
        bestPre = pre;
        bestSuf = suf;
      }
    }
  }
  if (bestLexPre >= 0) return { term: lexTerm, pre: bestLexPre, suf: bestLexSuf };
  return { term: norm.slice(bestPre, n - bestSuf), pre: bestPre, suf: bestSuf };
}

