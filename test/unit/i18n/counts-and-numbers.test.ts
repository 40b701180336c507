import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent, formatYear } from '../../../renderer/src/lib/numbers.js';
import { countOf } from '../../../renderer/src/lib/plural.js';

describe('counted nouns', () => {
  it('uses the six Arabic plural forms', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 103].map((n) => countOf('ar', 'result', n))).toEqual([
      'لا نتائج',
      'نتيجة واحدة',
      'نتيجتان',
      '٣ نتائج',
      '١٠ نتائج',
      '١١ نتيجة',
      '٩٩ نتيجة',
      '١٠٠ نتيجة',
      '١٠٣ نتائج',
    ]);
    expect(countOf('ar', 'annotation', 11)).toBe('١١ تعليقًا');
    expect(countOf('ar', 'article', 2)).toBe('مقالتان');
  });

  it('uses singular and plural in English', () => {
    expect(countOf('en', 'annotation', 1)).toBe('1 annotation');
    expect(countOf('en', 'annotation', 0)).toBe('0 annotations');
    expect(countOf('en', 'article', 3088)).toBe('3,088 articles');
  });

  it('writes counts with Latin digits in the Arabic UI when asked', () => {
    expect(countOf({ lang: 'ar', latinDigits: true }, 'result', 4)).toBe('4 نتائج');
  });
});

describe('one numbering system per interface', () => {
  it('writes counts, years, percentages and dates in Arabic-Indic digits in the Arabic UI', () => {
    expect(formatNumber('ar', 3088)).toBe('٣٬٠٨٨');
    expect(formatYear('ar', '2021')).toBe('٢٠٢١');
    expect(formatPercent('ar', 0.51)).toMatch(/^٥١٪/);
    expect(formatDate('ar', '2021-11-26')).toMatch(/^٢٦ .+ ٢٠٢١$/);
  });

  it('writes them all in Latin digits when the reader prefers them, and in the English UI', () => {
    const latin = { lang: 'ar', latinDigits: true } as const;
    expect(formatNumber(latin, 3088)).toMatch(/^3.088$/);
    expect(formatYear(latin, 2021)).toBe('2021');
    expect(formatPercent(latin, 0.51)).toMatch(/51/);
    expect(formatDate(latin, '2021-11-26')).toMatch(/^26 .+ 2021$/);
    expect(formatYear('en', 2021)).toBe('2021');
    expect(formatPercent('en', 0.51)).toBe('51%');
  });
});
