// Numbers, years, percentages, sizes and dates in one numbering system per interface: Arabic-Indic digits in the
// Arabic UI (Latin digits when the reader asks for them), Latin digits in the English UI. Always from Intl, never
// by pasting digits and signs together.
import type { Lang } from './settings.js';

export interface NumberLocale {
  lang: Lang;
  /** Arabic UI only: Latin digits (0-9) instead of Arabic-Indic ones (٠-٩). */
  latinDigits?: boolean;
}

/** The BCP 47 locale whose digits and signs the interface uses. */
export function intlLocale(locale: Lang | NumberLocale): string {
  const l = typeof locale === 'string' ? { lang: locale } : locale;
  if (l.lang === 'en') return 'en-GB';
  return l.latinDigits ? 'ar-EG-u-nu-latn' : 'ar-EG';
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Lang | NumberLocale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${intlLocale(locale)}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(intlLocale(locale), options)));
  return f;
}

/** A count, with the interface's digits and grouping (٣٬٠٨٨, 3,088). */
export function formatNumber(locale: Lang | NumberLocale, n: number): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(n);
}

/** A year: the interface's digits, no grouping (٢٠٢١, 2021). Anything not a year is returned as it is. */
export function formatYear(locale: Lang | NumberLocale, year: string | number): string {
  const n = Number(year);
  return Number.isInteger(n) ? numberFormat(locale, { useGrouping: false }).format(n) : String(year);
}

/** A share of a whole (0–1) as a percentage with the interface's percent sign (٥١٪, 51%). */
export function formatPercent(locale: Lang | NumberLocale, share: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A file size (٣ م.ب, 3 MB): megabytes from 1 MB up, whole kilobytes (rounded up) below. */
export function formatSize(locale: Lang | NumberLocale, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  const value = mb ? bytes / 1024 / 1024 : Math.ceil(bytes / 1024);
  return numberFormat(locale, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(value);
}

/** Date (and time, when given) for display, in the interface's digits; the stored form stays ISO. */
export function formatDate(locale: Lang | NumberLocale, iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hh, mm] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1, hh ? Number(hh) : 0, mm ? Number(mm) : 0));
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (mo) options.month = 'short';
  if (d) options.day = 'numeric';
  if (hh) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}
