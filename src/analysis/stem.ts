import { buildLexicon } from './lexicon.js';

const WAW = 0x0648;
const FEH = 0x0641;
const BEH = 0x0628;
const KAF = 0x0643;
const LAM = 0x0644;
const ALEF = 0x0627;
const HEH = 0x0647;

/**
 * Suffix units, stripped from the end in any sequence, except that plural ين/ون and final ا only end a word and
 * ت (taa marbuta before a pronoun: حكومته) never does.
 */
const SUFFIXES = ['ي', 'ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'ين', 'ون', 'ات', 'ت', 'ا'];
const FINAL_ONLY = new Set(['ين', 'ون', 'ا']);
/** For listed words (often names ending in ين/ون/ان): only feminine, nisba, plural ات and final alef. */
const LISTED_SUFFIXES = ['ي', 'ه', 'ات', 'ت', 'ا'];
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
function suffixCuts(norm: string, units: readonly string[]): number {
  const n = norm.length;
  let reach = 1;
  const limit = Math.min(n - 2, MAX_SUFFIX);
  for (let k = 0; k < limit; k++) {
    if ((reach & (1 << k)) === 0) continue;
    const end = n - k;
    for (const unit of units) {
      const len = unit.length;
      if (k + len > limit) continue;
      if (k !== 0 && FINAL_ONLY.has(unit)) continue;
      // هم/هما/هن after ا end the word itself (تفاهم, مساهمة), not a pronoun
      if (unit.charCodeAt(0) === HEH && unit.length > 1 && unit !== 'ها' && norm.charCodeAt(end - len - 1) === ALEF) continue;
      if (unit === 'ت' && k === 0) continue;
      if (!norm.endsWith(unit, end)) continue;
      reach |= 1 << (k + len);
    }
  }
  return reach;
}

/**
 * The shortest stem allowed after stripping norm[0, pre). After the article: 2 (3 with an ending). After ب ل و: 3.
 * After ف ك (more often the word's own first letter than a conjunction/preposition in news text): 4, and 5 for a
 * stem starting with ا (كامل, فاسد stay whole; فأردوغان does not). After ب ل و a stem starting with ا needs 4
 * (لاعب, واحد stay whole).
 */
function minCoreAfter(norm: string, pre: number, article: boolean, suf: number): number {
  if (pre === 0) return 3;
  if (article) return suf === 0 ? 2 : 3;
  const clitic = norm.charCodeAt(pre - 1);
  const alefNext = norm.charCodeAt(pre) === ALEF;
  if (clitic === FEH || clitic === KAF) return alefNext ? 5 : 4;
  return alefNext ? 4 : 3;
}

/** The prefix ends with the article: ال, or لل (ل + ال with its alef dropped). */
function endsWithArticle(norm: string, pre: number): boolean {
  if (pre < 2 || norm.charCodeAt(pre - 1) !== LAM) return false;
  const before = norm.charCodeAt(pre - 2);
  return before === ALEF || before === LAM;
}

let lexicon: Map<string, string> | undefined;

/** Normalized core → the stem it is indexed under (the lexicon is built on first use). */
function lexiconStem(core: string): string | undefined {
  lexicon ??= buildLexicon((norm) => stemArabic(norm, true).term);
  return lexicon.get(core);
}

/**
 * Light stemming of a normalized Arabic word: strips attached و ف ب ك ل and the article from the front and
 * pronoun/plural/nisba/feminine endings from the back, as much as possible while the stem keeps at least three
 * letters (two after the article). A stem listed in the lexicon wins over further cutting. On ties a reading with
 * the article wins, then the shorter prefix (لعبة → لعب, not عبه).
 * `listed`: the stem of a lexicon word — nothing stripped from the front, only ة, nisba ي, ات and final ا from the back.
 */
export function stemArabic(norm: string, listed = false): Stem {
  const keepPrefix = listed;
  const n = norm.length;
  if (n < 3) return { term: norm, pre: 0, suf: 0 };
  const pres = keepPrefix ? 1 : prefixCuts(norm);
  const sufs = suffixCuts(norm, keepPrefix ? LISTED_SUFFIXES : SUFFIXES);
  const whole = keepPrefix ? undefined : lexiconStem(norm);
  if (whole !== undefined) return { term: whole, pre: 0, suf: 0 };
  let bestPre = 0;
  let bestSuf = 0;
  let bestScore = 0;
  let bestLexPre = -1;
  let bestLexSuf = 0;
  let lexTerm = '';
  for (let pre = 0; pre <= MAX_PREFIX && pre < n; pre++) {
    if ((pres & (1 << pre)) === 0) continue;
    for (let suf = 0; suf <= MAX_SUFFIX && pre + suf < n; suf++) {
      if ((sufs & (1 << suf)) === 0) continue;
      const core = n - pre - suf;
      if (core < 2) continue;
      if (!keepPrefix && pre + suf > 0 && (pre + suf > bestLexPre + bestLexSuf || bestLexPre < 0)) {
        const lex = lexiconStem(norm.slice(pre, n - suf));
        if (lex !== undefined) {
          bestLexPre = pre;
          bestLexSuf = suf;
          lexTerm = lex;
        }
      }
      const article = endsWithArticle(norm, pre);
      if (core < minCoreAfter(norm, pre, article, suf)) continue;
      // Most stripped wins; on a tie a reading with the article wins, then the shorter prefix (لعبة → لعب).
      const score = 2 * (pre + suf) + (article ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        bestPre = pre;
        bestSuf = suf;
      }
    }
  }
  if (bestLexPre >= 0) return { term: lexTerm, pre: bestLexPre, suf: bestLexSuf };
  return { term: norm.slice(bestPre, n - bestSuf), pre: bestPre, suf: bestSuf };
}

