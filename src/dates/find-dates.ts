// Finds date expressions in Arabic news text. Spans are UTF-16 offsets into the given text.
//
// Values (EntitySpan.value) are Gregorian only, as the API documents: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'.
// Decisions:
// - Hijri dates (15 ربيع الآخر 1443 هـ, 1443هـ) are DATE spans WITHOUT a value: the API's value is an ISO
//   (Gregorian) date and an arithmetic Hijri conversion can be a day or two off the official calendar.
//   A Hijri month with a Gregorian year (رمضان 2020) gets the year as value.
// - Relative mentions (الجمعة، يوم الأحد، الأسبوع الماضي، أمس) are spans without a value.
// - A weekday directly before a dated expression or a named day joins it (الجمعة 26 نوفمبر 2021 is one span,
//   and so is الجمعة 15 ربيع الآخر 1443هـ).
// - Attached clitics (و ف ب ل ك, لل; checked in code, see CLITICS) stay outside the span: "في 27 سبتمبر" → "27 سبتمبر", "لعام 2020" → "عام 2020".
// - A bare year counts only after a time preposition (منذ 2014، في 2020، بـ2019) and the span is the year alone.
// - Numeric dates are read day first (26/11/2021); month first only when the day cannot be a month (11/26/2021).
import type { EntitySpan } from '../api.js';
import { isPlausibleYear, isValidDate, isoDate, isoMonth } from './calendar.js';
import { DIGIT as D, toNumber } from './digits.js';
import { GREGORIAN_MONTH_PATTERN, HIJRI_MONTH_PATTERN, WEEKDAY_PATTERN, gregorianMonthNumber } from './month-names.js';

interface Candidate {
  start: number;
  end: number;
  value?: string;
  /** A bare weekday that may join a following dated span. */
  weekday?: boolean;
  /** Names a day (26 نوفمبر, 15 رمضان 1443 هـ) even when there is no Gregorian value: a weekday before it joins. */
  day?: boolean;
}

type Groups = Record<string, string | undefined>;
type Handler = (g: Groups) => { value?: string; weekday?: boolean; day?: boolean } | null;
/** What may precede a match: 'word' = no letter or mark before a letter, no digit before a digit;
 * 'number' = no digit (nor digit + separator). */
type Boundary = 'word' | 'number';
interface Rule {
  source: string;
  handler: Handler;
  boundary?: Boundary;
  /** Words that make the match something else when they come right before it (صلاة الجمعة). */
  notAfter?: RegExp;
}

/** The span ends at a word boundary: a digit not followed by a digit, a letter not followed by a letter.
 * (A change between digits and letters is a boundary: sloppy text glues them, "يوم7 أفريل 2017على".) */
const AFTER = '(?!(?<=\\p{N})\\p{N})(?!(?<=[\\p{L}\\p{M}])[\\p{L}\\p{M}])';
const GMONTH = `(?:${GREGORIAN_MONTH_PATTERN})`;
const HMONTH = `(?:${HIJRI_MONTH_PATTERN})`;
/** Month, optionally doubled with another spelling: نوفمبر/ تشرين الثاني, تشرين الثاني (نوفمبر). */
const MONTHS = `(?<m1>${GMONTH})(?:\\s*[/(\\-–]\\s*(?<m2>${GMONTH})\\s*\\)?)?`;
const YEAR_SEP = `\\s*(?:[،,]\\s*)?(?:(?:من\\s+)?(?:ال)?(?:عام|سنة)\\s+)?`;
const YEAR = `(?<y>${D}{4})(?!${D})`;
const GREG_SUFFIX = `(?:\\s?م(?![\\p{L}])|\\s+ميلادي[ةه]?)?`;
const HIJRI_SUFFIX = `(?:\\s?(?:هـ|ه)(?![\\p{L}])|\\s+هجري[ةه]?)`;
const DAY = `(?<d>${D}{1,2})(?!${D})`;
const NUM_AFTER = `(?![\\p{N}])(?![./\\-]${D})`;
const WEEKDAY = `(?:يوم\\s+)?(?:${WEEKDAY_PATTERN})`;

function monthOf(g: Groups): number | undefined {
  return gregorianMonthNumber(g.m1 ?? '');
}

function dayMonthYear(g: Groups): { value?: string; day: true } | null {
  const day = toNumber(g.d!);
  const month = monthOf(g);
  if (month === undefined || day < 1 || day > 31) return null;
  if (g.y === undefined) return { day: true };
  const year = toNumber(g.y);
  if (!isValidDate(year, month, day)) return null;
  return { value: isoDate(year, month, day), day: true };
}

function numeric(day: number, month: number, year: number): { value: string } | null {
  if (isValidDate(year, month, day)) return { value: isoDate(year, month, day) };
  if (isValidDate(year, day, month)) return { value: isoDate(year, day, month) };
  return null;
}

const RULES: Rule[] = [
  // 26 نوفمبر 2021 · 11 نوفمبر/ تشرين الثاني 2020 · 5 من شهر أيار · 27 سبتمبر
  {
    source: `(?<s>${DAY}\\s*(?:من\\s+)?(?:شهر\\s+)?${MONTHS}(?:${YEAR_SEP}${YEAR}${GREG_SUFFIX})?)${AFTER}`,
    handler: dayMonthYear,
  },
  // نوفمبر 2021 · شهر كانون الثاني 2020
  {
    source: `(?<s>(?:شهر\\s+)?${MONTHS}${YEAR_SEP}${YEAR}${GREG_SUFFIX})${AFTER}`,
    handler: (g) => {
      const month = monthOf(g);
      const year = toNumber(g.y!);
      return month !== undefined && isPlausibleYear(year) ? { value: isoMonth(year, month) } : null;
    },
  },
  // 26.11.2021 · 26/11/2021 · 26-11-2021
  {
    source: `(?<s>${DAY}(?<sep>[./\\-])(?<m>${D}{1,2})\\k<sep>${YEAR})${NUM_AFTER}`,
    handler: (g) => numeric(toNumber(g.d!), toNumber(g.m!), toNumber(g.y!)),
    boundary: 'number',
  },
  // 2021-11-26 · 2021/11/26
  {
    source: `(?<s>${YEAR}(?<sep>[./\\-])(?<m>${D}{1,2})\\k<sep>${DAY})${NUM_AFTER}`,
    handler: (g) => {
      const [y, m, d] = [toNumber(g.y!), toNumber(g.m!), toNumber(g.d!)];
      return isValidDate(y, m, d) ? { value: isoDate(y, m, d) } : null;
    },
    boundary: 'number',
  },
  // 15 ربيع الآخر 1443 هـ · شعبان 1442 · 10 رمضان · رمضان 2020
  {
    source: `(?<s>(?:${DAY}\\s*(?:من\\s+)?)?(?:شهر\\s+)?${HMONTH}(?:${YEAR_SEP}${YEAR}(?<h>${HIJRI_SUFFIX})?)?)${AFTER}`,
    handler: (g) => {
      if (g.d === undefined && g.y === undefined) return null;
      const day = g.d !== undefined;
      if (g.y === undefined || g.h !== undefined) return { day };
      const year = toNumber(g.y);
      if (year >= 1300 && year <= 1600) return { day };
      return isPlausibleYear(year) ? { value: String(year), day } : null;
    },
  },
  // 1443 هـ · عام 1443 هـ
  { source: `(?<s>(?:(?:ال)?(?:عام|سنة)\\s+)?${YEAR}${HIJRI_SUFFIX})${AFTER}`, handler: () => ({}) },
  // عام 2020 · سنة 2020 · العام 2020 · لعام 2020م
  {
    source: `(?<s>(?:ال)?(?:عام|سنة)\\s+${YEAR}${GREG_SUFFIX})${AFTER}`,
    handler: (g) => {
      const year = toNumber(g.y!);
      return isPlausibleYear(year) ? { value: String(year) } : null;
    },
  },
  // منذ 2014 · في 2020 · مقارنة بـ2019 (the year alone)
  {
    source: `(?<p>(?:(?:في|منذ|حتى|خلال|مطلع|أوائل|اوائل|أواخر|اواخر|منتصف|نهاية|بداية|قبل|بعد)\\s+|بـ\\s?|ب(?=${D})))(?<s>${YEAR}${GREG_SUFFIX})(?![\\p{L}\\p{N}\\p{M}]|[./\\-:]${D}|\\s*(?:%|٪|بالمائة|بالمئة|في المائة|في المئة))`,
    handler: (g) => {
      const year = toNumber(g.y!);
      return year >= 1900 && year <= 2099 ? { value: String(year) } : null;
    },
  },
  // الجمعة · يوم الأحد · الأربعاء الماضي
  {
    source: `(?<s>${WEEKDAY}(?<rel>\\s+(?:الماضي|المقبل|القادم|المنصرم|الفائت))?)${AFTER}`,
    handler: (g) => (g.rel ? {} : { weekday: true }),
    notAfter: /(?:صلاة|صلاه|خطبة|خطبه|صلوات)\s$/,
  },
  // الأسبوع الماضي · العام الجاري · أمس · غدا
  {
    source: `(?<s>(?:الأسبوع|الاسبوع|الشهر|العام|السنة|السنه)\\s+(?:الماضي|الماضية|الماضيه|المقبل|المقبلة|المقبله|القادم|القادمة|القادمه|الجاري|الجارية|الحالي|الحالية|المنصرم|المنصرمة|الفائت|الفائتة)|أول\\s+(?:أمس|امس)|أمس|امس|الأمس|غدا|غدًا|غداً|بعد\\s+غد)${AFTER}`,
    handler: () => ({}),
  },
];

// Boundaries and clitics before a match are checked in code rather than in the pattern (a leading lookbehind
// or optional clitic group): V8 then skips ahead to the first character that can start a match, which makes
// the scan several times faster.
const COMPILED = RULES.map((r) => ({ ...r, re: new RegExp(r.source, 'gu') }));
/** Cheap pre-check: no digit, month, weekday or relative word means no date. */
const MAYBE_DATE = new RegExp(
  `${D}|${GMONTH}|${HMONTH}|${WEEKDAY_PATTERN}|[اأ]مس|غد|[اأ]سبوع|الشهر|العام|السن[ةه]`,
  'u',
);
const LETTER_CHAR = /[\p{L}\p{M}]/u;
const DIGIT_CHAR = /\p{N}/u;
const JOINABLE_GAP = /^[\s،,]*$/;

/** Letters that may be attached before a date word and stay outside its span (و، ف، ب، ل، ك، لل، وب، بـ…). */
const CLITICS = new Set(['', 'و', 'ف', 'ب', 'ل', 'ك', 'بـ', 'لـ', 'كـ', 'لل', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'ولل', 'فلل', 'وبـ', 'ولـ', 'فبـ', 'فلـ']);
const MAX_CLITIC = 3;

function boundaryOk(text: string, at: number, boundary: Boundary): boolean {
  if (at === 0) return true;
  const prev = text[at - 1];
  if (boundary === 'number') {
    if (DIGIT_CHAR.test(prev)) return false;
    return !(at >= 2 && './-'.includes(prev) && DIGIT_CHAR.test(text[at - 2]));
  }
  if (DIGIT_CHAR.test(text[at])) return !DIGIT_CHAR.test(prev);
  let from = at;
  while (from > 0 && at - from <= MAX_CLITIC && LETTER_CHAR.test(text[from - 1])) from--;
  return (from === 0 || !LETTER_CHAR.test(text[from - 1])) && CLITICS.has(text.slice(from, at));
}

export function findDates(text: string): EntitySpan[] {
  if (!MAYBE_DATE.test(text)) return [];
  const candidates: Candidate[] = [];
  for (const { re, handler, boundary = 'word', notAfter } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const g = m.groups ?? {};
      const start = m.index + (g.p?.length ?? 0);
      if (!boundaryOk(text, m.index, boundary) || (notAfter && notAfter.test(text.slice(Math.max(0, m.index - 8), m.index)))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const result = handler(g);
      if (result) candidates.push({ start, end: start + g.s!.length, ...result });
    }
  }
  return toSpans(text, joinWeekdays(text, pickLongest(candidates)));
}

/** Non-overlapping spans, longer ones winning; overlaps are resolved within runs of overlapping candidates. */
function pickLongest(candidates: Candidate[]): Candidate[] {
  const byStart = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Candidate[] = [];
  for (let i = 0; i < byStart.length; ) {
    let end = byStart[i].end;
    let j = i + 1;
    while (j < byStart.length && byStart[j].start < end) end = Math.max(end, byStart[j++].end);
    const cluster = byStart.slice(i, j).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Candidate[] = [];
    for (const c of cluster) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
    chosen.push(...kept.sort((a, b) => a.start - b.start));
    i = j;
  }
  return chosen;
}

function joinWeekdays(text: string, spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < spans.length; i++) {
    const cur = spans[i];
    const next = spans[i + 1];
    if (cur.weekday && next && (next.day || next.value !== undefined) && JOINABLE_GAP.test(text.slice(cur.end, next.start))) {
      out.push({ start: cur.start, end: next.end, value: next.value });
      i++;
    } else out.push(cur);
  }
  return out;
}

function toSpans(text: string, spans: Candidate[]): EntitySpan[] {
  return spans.map(({ start, end, value }) => {
    const span: EntitySpan = { type: 'DATE', start, end, text: text.slice(start, end) };
    if (value !== undefined) span.value = value;
    return span;
  });
}
