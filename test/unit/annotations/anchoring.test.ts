import { describe, expect, it } from 'vitest';
import { anchorWithMethod, buildSelectors, CONTEXT_CHARS } from '../../../src/annotations/anchoring.js';

const TEXT =
  'أعلن رئيس الوزراء الأرميني نيكول باشينيان اليوم في يريفان أن المحادثات مع أذربيجان ستستأنف الأسبوع المقبل، ' +
  'وقال إن الحكومة ملتزمة بالسلام. وأضاف باشينيان أن الحدود يجب أن ترسم وفق الخرائط السوفيتية.';

function selectorsOf(text: string, exact: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`fixture: "${exact}" not in text`);
  return buildSelectors(text, at, at + exact.length);
}

describe('buildSelectors', () => {
  it('keeps the exact text and up to 32 characters of context on each side', () => {
    const { quote, position } = selectorsOf(TEXT, 'المحادثات مع أذربيجان');
    expect(quote.exact).toBe('المحادثات مع أذربيجان');
    expect(quote.prefix.length).toBe(CONTEXT_CHARS);
    expect(quote.suffix.length).toBe(CONTEXT_CHARS);
    expect(TEXT.slice(position.start, position.end)).toBe(quote.exact);
    expect(TEXT.slice(position.start - CONTEXT_CHARS, position.start)).toBe(quote.prefix);
  });
});

describe('anchor', () => {
  const exact = 'المحادثات مع أذربيجان';
  const { quote, position } = selectorsOf(TEXT, exact);

  it('uses the stored position when the text is unchanged', () => {
    expect(anchorWithMethod(TEXT, quote, position)).toEqual({ span: { start: position.start, end: position.end }, method: 'position' });
  });

  it('finds the quote again after an edit before it', () => {
    const edited = 'عاجل: ' + TEXT;
    const placed = anchorWithMethod(edited, quote, position)!;
    expect(placed.method).toBe('quote');
    expect(edited.slice(placed.span.start, placed.span.end)).toBe(exact);
    expect(placed.span.start).toBe(position.start + 'عاجل: '.length);
  });

  it('stays in place after an edit after it', () => {
    const edited = TEXT + ' (تحديث: نفت أذربيجان ذلك)';
    expect(anchorWithMethod(edited, quote, position)?.method).toBe('position');
  });

  it('finds an edited quote approximately after an edit inside it', () => {
    const edited = TEXT.replace('المحادثات مع أذربيجان', 'المباحثات مع أذربيجان');
    const placed = anchorWithMethod('سطر جديد\n' + edited, quote, position)!;
    expect(placed.method).toBe('fuzzy');
    expect(('سطر جديد\n' + edited).slice(placed.span.start, placed.span.end)).toBe('المباحثات مع أذربيجان');
  });

  it('is an orphan (null) when the quote was deleted', () => {
    const edited = TEXT.replace('أن المحادثات مع أذربيجان ستستأنف الأسبوع المقبل، ', '');
    expect(anchorWithMethod(edited, quote, position)).toBeNull();
  });

  it('is an orphan when the article is gone to an unrelated text', () => {
    expect(anchorWithMethod('نص مختلف تماما عن المقال الأصلي ولا يحوي العبارة.', quote, position)).toBeNull();
  });

  it('picks the occurrence whose context fits when the quote appears twice', () => {
    const second = selectorsOf(TEXT, 'باشينيان', 1);
    const edited = 'مقدمة قصيرة. ' + TEXT;
    const placed = anchorWithMethod(edited, second.quote, second.position)!;
    expect(placed.method).toBe('quote');
    expect(placed.span.start).toBe(second.position.start + 'مقدمة قصيرة. '.length);
  });

  it('finds a quote after diacritics and tatweel were added to the article', () => {
    const vocalised = TEXT.replace('المحادثات مع أذربيجان', 'المُحادَثاتِ مع أذربيـجان');
    const placed = anchorWithMethod(vocalised, quote, position)!;
    expect(placed.method).toBe('skeleton');
    expect(vocalised.slice(placed.span.start, placed.span.end)).toBe('المُحادَثاتِ مع أذربيـجان');
  });

  it('finds an undiacritised quote of a vocalised text when the diacritics were removed', () => {
    const vocalised = 'قَالَ الرَّئِيسُ إِنَّ السَّلَامَ قَرِيبٌ.';
    const sel = selectorsOf(vocalised, 'الرَّئِيسُ');
    const plain = 'تمهيد. قال الرئيس إن السلام قريب.';
    const placed = anchorWithMethod(plain, sel.quote, sel.position)!;
    expect(plain.slice(placed.span.start, placed.span.end)).toBe('الرئيس');
  });
});
