// Counted nouns in the plural form the number asks for: Arabic has six (zero, one, two, few, many, other),
// English two. "{n}" is the number in the interface's digits.
import { formatNumber, intlLocale, type NumberLocale } from './numbers.js';
import type { Lang } from './settings.js';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The forms of `forms` that fits n, with n filled in. */
export function plural(locale: Lang | NumberLocale, n: number, forms: PluralForms): string {
  const rule = new Intl.PluralRules(intlLocale(locale)).select(n);
  return (forms[rule] ?? forms.other).replace(/\{n\}/g, formatNumber(locale, n));
}

const COUNTED = {
  article: {
    en: { one: '{n} article', other: '{n} articles' },
    ar: { zero: 'لا مقالات', one: 'مقالة واحدة', two: 'مقالتان', few: '{n} مقالات', many: '{n} مقالة', other: '{n} مقالة' },
  },
  result: {
    en: { one: '{n} result', other: '{n} results' },
    ar: { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: '{n} نتائج', many: '{n} نتيجة', other: '{n} نتيجة' },
  },
  fullMatch: {
    en: { other: '{n} with every word' },
    ar: {
      zero: 'لا تحتوي أيٌّ منها كل الكلمات',
      one: 'واحدة منها تحتوي كل الكلمات',
      two: 'اثنتان منها تحتويان كل الكلمات',
      other: '{n} منها تحتوي كل الكلمات',
    },
  },
  annotation: {
    en: { one: '{n} annotation', other: '{n} annotations' },
    ar: { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '{n} تعليقات', many: '{n} تعليقًا', other: '{n} تعليق' },
  },
  failedFile: {
    en: { one: '{n} file could not be read', other: '{n} files could not be read' },
    ar: {
      zero: 'لا ملفات تعذّرت قراءتها',
      one: 'ملف واحد تعذّرت قراءته',
      two: 'ملفان تعذّرت قراءتهما',
      few: '{n} ملفات تعذّرت قراءتها',
      many: '{n} ملفًا تعذّرت قراءتها',
      other: '{n} ملف تعذّرت قراءتها',
    },
  },
  warnedArticle: {
    en: { one: '{n} article indexed with a warning', other: '{n} articles indexed with a warning' },
    ar: {
      zero: 'لا مقالات فُهرست مع تنبيه',
      one: 'مقالة واحدة فُهرست مع تنبيه',
      two: 'مقالتان فُهرستا مع تنبيه',
      few: '{n} مقالات فُهرست مع تنبيه',
      many: '{n} مقالة فُهرست مع تنبيه',
      other: '{n} مقالة فُهرست مع تنبيه',
    },
  },
  skippedAnnotation: {
    en: { one: 'skipped {n} already present', other: 'skipped {n} already present' },
    ar: {
      zero: 'لم يُتخطَّ شيء',
      one: 'وتُخطّي تعليق واحد موجود من قبل',
      two: 'وتُخطّي تعليقان موجودان من قبل',
      few: 'وتُخطّيت {n} تعليقات موجودة من قبل',
      many: 'وتُخطّي {n} تعليقًا موجودًا من قبل',
      other: 'وتُخطّي {n} تعليق موجود من قبل',
    },
  },
} satisfies Record<string, Record<Lang, PluralForms>>;

export type CountedNoun = keyof typeof COUNTED;

/** "3 articles", "٣ مقالات", "مقالتان"… */
export function countOf(locale: Lang | NumberLocale, noun: CountedNoun, n: number): string {
  const lang = typeof locale === 'string' ? locale : locale.lang;
  return plural(locale, n, COUNTED[noun][lang]);
}
