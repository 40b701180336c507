export { findDates } from './find-dates.js';
export { parsePublishedDate } from './parse-published-date.js';
export { toAsciiDigits } from './digits.js';
export { gregorianMonthNumber, hijriMonthNumber, foldArabic } from './month-names.js';
export { yearOfDate } from './year-of-date.js';
