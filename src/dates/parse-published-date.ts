import { isValidDate, isoDate, isoDateTime } from './calendar.js';
import { toAsciiDigits } from './digits.js';
import { findDates } from './find-dates.js';
import { ENGLISH_MONTH_PATTERN, englishMonthNumber } from './month-names.js';

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2}))?/;
const ENGLISH_DMY = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(${ENGLISH_MONTH_PATTERN})\\.?,?\\s+(\\d{4})(?!\\d)`, 'i');
const ENGLISH_MDY = new RegExp(`\\b(${ENGLISH_MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'i');
const TIME_AFTER = /^\s*(?:[،,\-–|]\s*)?(?:(?:الساعة|الساعه|at)\s*)?(\d{1,2}):(\d{2})(?!\d)/i;
const TIME_BEFORE = /(?<!\d)(\d{1,2}):(\d{2})\s*(?:[،,\-–|]\s*)?$/;

/**
 * Reads a publication date from article metadata ("نشر في 26.11.2021 18:23", "2021-11-26T18:23:00+01:00",
 * "الجمعة 26 نوفمبر 2021", "26 Nov 2021") as 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm', local time as written
 * (a UTC offset is dropped, not applied). Returns undefined when the string names no complete day.
 */
export function parsePublishedDate(input: string): string | undefined {
  const s = toAsciiDigits(input).trim();
  if (!s) return undefined;
  const iso = ISO.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (isValidDate(y, m, d)) return withTime(y, m, d, iso[4], iso[5]);
  }
  const english = englishDate(s);
  if (english) return english;
  for (const span of findDates(s)) {
    if (span.value === undefined || span.value.length !== 10) continue;
    const [y, m, d] = span.value.split('-').map(Number);
    const after = TIME_AFTER.exec(s.slice(span.end));
    const before = after ? null : TIME_BEFORE.exec(s.slice(0, span.start));
    const time = after ?? before;
    return withTime(y, m, d, time?.[1], time?.[2]);
  }
  return undefined;
}

function englishDate(s: string): string | undefined {
  const dmy = ENGLISH_DMY.exec(s);
  const mdy = dmy ? null : ENGLISH_MDY.exec(s);
  let day: number, month: number | undefined, year: number, end: number;
  if (dmy) [day, month, year, end] = [Number(dmy[1]), englishMonthNumber(dmy[2]), Number(dmy[3]), dmy.index + dmy[0].length];
  else if (mdy) [day, month, year, end] = [Number(mdy[2]), englishMonthNumber(mdy[1]), Number(mdy[3]), mdy.index + mdy[0].length];
  else return undefined;
  if (month === undefined || !isValidDate(year, month, day)) return undefined;
  const time = TIME_AFTER.exec(s.slice(end));
  return withTime(year, month, day, time?.[1], time?.[2]);
}

function withTime(y: number, m: number, d: number, hour?: string, minute?: string): string {
  if (hour !== undefined && minute !== undefined) {
    const [h, min] = [Number(hour), Number(minute)];
    if (h <= 23 && min <= 59) return isoDateTime(y, m, d, h, min);
  }
  return isoDate(y, m, d);
}
