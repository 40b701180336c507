import { describe, expect, it } from 'vitest';
import { firstStrongDirection, splitParagraphs } from '../../../renderer/src/lib/bidi.js';
import { sourceOffset, stripDiacritics } from '../../../renderer/src/lib/diacritics.js';
import { segmentText } from '../../../renderer/src/lib/segments.js';
import { entityQuery } from '../../../renderer/src/lib/entity-query.js';

describe('bidi helpers', () => {
  it('takes the direction of the first strong letter, skipping digits and punctuation', () => {
    expect(firstStrongDirection('بوتين وعلييف')).toBe('rtl');
    expect(firstStrongDirection('AA وكالة')).toBe('ltr');
    expect(firstStrongDirection('26.11.2021 نشر')).toBe('rtl');
    expect(firstStrongDirection('2021 - COVID')).toBe('ltr');
    expect(firstStrongDirection('123 456')).toBe('rtl');
    expect(firstStrongDirection('123 456', 'ltr')).toBe('ltr');
  });

  it('splits paragraphs at line breaks with offsets into the original and a direction each', () => {
    const text = 'بوتين وعلييف\n\n  AA AA  \r\nنشر في 26.11.2021 18:23\n   \n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => [text.slice(p.start, p.end), p.dir])).toEqual([
      ['بوتين وعلييف', 'rtl'],
      ['AA AA', 'ltr'],
      ['نشر في 26.11.2021 18:23', 'rtl'],
    ]);
  });
});

describe('hiding diacritics', () => {
  const text = 'قَالَ الرَّئِيسُ بوتين إِنَّ البَلَدَيْنِ';

  it('removes harakat, shadda, sukun and tanween but keeps letters', () => {
    expect(stripDiacritics('قَالَ الرَّئِيسُ')).toBe('قال الرئيس');
    expect(stripDiacritics('كتابًا')).toBe('كتابا');
    expect(stripDiacritics('Putin 2021')).toBe('Putin 2021');
  });

  it('keeps highlights on the same words when each segment is stripped on its own', () => {
    const start = text.indexOf('الرَّئِيسُ');
    const end = start + 'الرَّئِيسُ'.length;
    const segments = segmentText(text, [{ name: 'hit', ranges: [{ start, end }] }]);
    const shown = segments.map((s) => ({ text: stripDiacritics(s.text), hit: s.marks.length > 0 }));
    expect(shown.filter((s) => s.hit).map((s) => s.text)).toEqual(['الرئيس']);
    expect(shown.map((s) => s.text).join('')).toBe(stripDiacritics(text));
    expect(segments.find((s) => s.marks.length)?.start).toBe(start);
  });

  it('maps an offset in the stripped text back to the original', () => {
    const original = 'قَالَ الرَّئِيسُ';
    const stripped = stripDiacritics(original);
    const at = stripped.indexOf('الرئيس');
    expect(sourceOffset(original, at)).toBe(original.indexOf('الرَّئِيسُ'));
    expect(sourceOffset(original, 0)).toBe(0);
    expect(sourceOffset(original, stripped.length)).toBe(original.length);
    expect(original.slice(sourceOffset(original, 0), sourceOffset(original, 1))).toBe('قَ');
  });
});

describe('entityQuery', () => {
  it('builds a field query for people, places and organisations, a phrase for dates', () => {
    expect(entityQuery('PERSON', 'فلاديمير بوتين')).toBe('person:"فلاديمير بوتين"');
    expect(entityQuery('LOCATION', 'سوتشي')).toBe('place:"سوتشي"');
    expect(entityQuery('ORGANIZATION', 'الأمم "المتحدة"')).toBe('org:"الأمم المتحدة"');
    expect(entityQuery('DATE', '26 نوفمبر')).toBe('"26 نوفمبر"');
  });
});
