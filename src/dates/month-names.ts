// Month names as Arabic newspapers spell them. Matching is hamza-, taa-marbuta- and alef-maqsura-insensitive,
// so each spelling is listed once; regional variants are separate entries.

const GREGORIAN: Record<number, string[]> = {
  1: ['يناير', 'كانون الثاني', 'جانفي', 'جانفييه'],
  2: ['فبراير', 'شباط', 'فيفري', 'فبرير'],
  3: ['مارس', 'آذار'],
  4: ['أبريل', 'نيسان', 'أفريل'],
  5: ['مايو', 'أيار', 'ماي'],
  6: ['يونيو', 'يونيه', 'حزيران', 'جوان'],
  7: ['يوليو', 'يوليه', 'يوليوز', 'تموز', 'جويلية', 'جويليه'],
  8: ['أغسطس', 'آب', 'أوت', 'غشت', 'اغشت'],
  9: ['سبتمبر', 'أيلول', 'شتنبر'],
  10: ['أكتوبر', 'تشرين الأول', 'اكتوبر'],
  11: ['نوفمبر', 'تشرين الثاني', 'نونبر'],
  12: ['ديسمبر', 'كانون الأول', 'دجنبر'],
};

const HIJRI: Record<number, string[]> = {
  1: ['محرم', 'المحرم'],
  2: ['صفر'],
  3: ['ربيع الأول', 'ربيع أول'],
  4: ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني', 'ربيع آخر'],
  5: ['جمادى الأولى', 'جمادى الأول', 'جمادى أول'],
  6: ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر', 'جمادى الثاني'],
  7: ['رجب'],
  8: ['شعبان'],
  9: ['رمضان'],
  10: ['شوال'],
  11: ['ذو القعدة', 'ذي القعدة'],
  12: ['ذو الحجة', 'ذي الحجة'],
};

export const WEEKDAYS = ['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الثلثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** Folds the spelling differences newspapers make in month names, for lookup. */
export function foldArabic(s: string): string {
  return s
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Regex source matching a word in any of the spellings foldArabic() folds together. */
export function flexiblePattern(word: string): string {
  return [...foldArabic(word)]
    .map((ch) => {
      if (ch === 'ا') return '[اأإآٱ]';
      if (ch === 'ه') return '[هة]';
      if (ch === 'ي') return '[يى]';
      if (ch === ' ') return '\\s+';
      return ch;
    })
    .join('');
}

function lookup(table: Record<number, string[]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [month, names] of Object.entries(table)) for (const n of names) map.set(foldArabic(n), Number(month));
  return map;
}

function alternation(table: Record<number, string[]>): string {
  const names = [...new Set(Object.values(table).flat().map(foldArabic))];
  names.sort((a, b) => b.length - a.length);
  return names.map(flexiblePattern).join('|');
}

const gregorianLookup = lookup(GREGORIAN);
const hijriLookup = lookup(HIJRI);

export const GREGORIAN_MONTH_PATTERN = alternation(GREGORIAN);
export const HIJRI_MONTH_PATTERN = alternation(HIJRI);
export const WEEKDAY_PATTERN = [...new Set(WEEKDAYS.map(foldArabic))].map(flexiblePattern).join('|');

export function gregorianMonthNumber(name: string): number | undefined {
  return gregorianLookup.get(foldArabic(name));
}

export function hijriMonthNumber(name: string): number | undefined {
  return hijriLookup.get(foldArabic(name));
}

const ENGLISH = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const ENGLISH_MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

export function englishMonthNumber(name: string): number | undefined {
  const i = ENGLISH.indexOf(name.slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}
