// "About how long is left" in the interface language, with the language's own plural forms (Intl unit format).
import { intlLocale, type NumberLocale } from './numbers.js';
import type { Lang } from './settings.js';

/** A duration rounded as a person would say it: seconds (by 5) up to 55, minutes under 90, then hours. */
export function formatTimeLeft(lang: Lang | NumberLocale, ms: number): string {
  const locale = intlLocale(lang);
  const seconds = Math.max(1, Math.round(ms / 1000));
  const [value, unit] =
    seconds <= 55
      ? [Math.max(5, Math.ceil(seconds / 5) * 5), 'second']
      : seconds < 90 * 60
        ? [Math.max(1, Math.round(seconds / 60)), 'minute']
        : [Math.round(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
