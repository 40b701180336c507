import { describe, expect, it } from 'vitest';
import { compareFiling, filingKey } from '../../../src/analysis/title-order.js';

const filed = (titles: string[]) => titles.slice().sort((a, b) => compareFiling(filingKey(a), filingKey(b), a, b));

describe('title order', () => {
  it('ignores leading quotes and punctuation, so quoted titles are filed under their first word', () => {
    expect(filed(['"قمة" في سوتشي', 'بوتين يلتقي علييف', '«تونس» تستضيف', '(أذربيجان) توقع'])).toEqual([
      '(أذربيجان) توقع',
      'بوتين يلتقي علييف',
      '«تونس» تستضيف',
      '"قمة" في سوتشي',
    ]);
  });

  it('ignores the definite article and follows the Arabic alphabet, hamza forms beside alef, Latin after Arabic', () => {
    expect(filed(['الغاز الروسي', 'BBC تنشر تقريرا', 'إيران', 'بوتين', 'الاتحاد الأفريقي', 'أذربيجان'])).toEqual([
      'الاتحاد الأفريقي',
      'أذربيجان',
      'إيران',
      'بوتين',
      'الغاز الروسي',
      'BBC تنشر تقريرا',
    ]);
  });

  it('keeps short words that begin with ال (the article needs a word after it)', () => {
    expect(filingKey('الم')).toBe('الم');
    expect(filingKey('الغاز')).toBe('غاز');
    expect(filingKey('ال')).toBe('ال');
    expect(filingKey('«الـغاز»')).toBe('غاز»');
  });
});
