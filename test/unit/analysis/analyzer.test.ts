import { describe, expect, it } from 'vitest';
import { analyze, indexTerms, normalize, STOP_WORDS, termOf, tokenize } from '../../../src/analysis/index.js';
import { phraseKey, phraseOccurs } from '../../../src/search/phrase-match.js';

function expectSameTerm(words: string[]): void {
  const terms = words.map(termOf);
  expect(terms[0]).not.toBe('');
  for (let i = 1; i < words.length; i++) expect(`${words[i]} → ${terms[i]}`).toBe(`${words[i]} → ${terms[0]}`);
}

describe('clitic, inflected and spelling variants meet', () => {
  it('a name with each attached conjunction/preposition', () => {
    expectSameTerm(['بوتين', 'وبوتين', 'لبوتين', 'فبوتين', 'وبوتين،', 'ببوتين']);
    expectSameTerm(['علييف', 'وعلييف', 'لعلييف']);
    expectSameTerm(['أردوغان', 'وأردوغان', 'لأردوغان', 'اردوغان']);
    expectSameTerm(['باشينيان', 'وباشينيان', 'لباشينيان']);
  });

  it('place names with article, nisba and plural forms, with and without hamza', () => {
    expectSameTerm(['أذربيجان', 'اذربيجان', 'الأذربيجانية', 'الأذربيجاني', 'أذربيجانية', 'الأذربيجانيين', 'وأذربيجان']);
    expectSameTerm(['فلسطين', 'الفلسطينيين', 'الفلسطيني', 'فلسطينية', 'وفلسطين', 'لفلسطين']);
    expectSameTerm(['روسيا', 'الروسي', 'الروسية', 'وروسيا']);
    expectSameTerm(['الإقليم', 'إقليم', 'اقليم', 'والإقليم']);
  });

  it('words typed without diacritics, hamza or with alef maqsura/taa marbuta variants', () => {
    expectSameTerm(['عَلِمَ', 'علم']);
    expectSameTerm(['مُسْتَشْفَى', 'مستشفي', 'مستشفى']);
    expectSameTerm(['مدرسة', 'مدرسه', 'المدرسة']);
    expectSameTerm(['مسؤول', 'مسئول', 'المسؤول']);
    expectSameTerm(['آخر', 'اخر', 'الآخر']);
    expectSameTerm(['إسرائيل', 'اسرائيل', 'إسرائيلـ']);
    expectSameTerm(['سلام', 'ﺳﻼﻡ']); // presentation forms
  });

  it('digits in any script meet', () => {
    expectSameTerm(['2021', '٢٠٢١', '۲۰۲۱']);
  });
});

describe('words that must stay apart', () => {
  const pairs: [string, string][] = [
    ['بوتين', 'بو'],
    ['كتاب', 'كاتب'],
    ['كتاب', 'مكتبة'],
    ['كاتب', 'مكتبة'],
    ['أحمد', 'حمد'],
    ['سلام', 'مسلم'],
    ['لبنان', 'بنان'],
    ['فلسطين', 'لسطين'],
    ['فتحي', 'فتح'],
    ['كامل', 'أمل'],
  ];
  it.each(pairs)('%s ≠ %s', (a, b) => {
    expect(termOf(a)).not.toBe(termOf(b));
  });
});

describe('a word per character (scripts alternating with nothing between)', () => {
  it('indexes every word and finds a phrase after them', () => {
    const text = 'zش'.repeat(6000) + ' مؤتمر الدوحة';
    const terms = indexTerms(text);
    expect(terms.length).toBe(analyze(text).filter((t) => !t.stop).length);
    expect(terms.slice(-2)).toEqual([termOf('مؤتمر'), termOf('الدوحة')]);
    expect(phraseOccurs(text, analyze('مؤتمر الدوحة').map(phraseKey))).toBe(true);
  });
});

describe('tokens and offsets', () => {
  const samples = [
    'التقى الرئيس الروسي فلاديمير بوتين، الجمعة، نظيره الأذربيجاني إلهام علييف في سوتشي.',
    'نشر في 26.11.2021 18:23 (AA) «الأناضول» - Putin’s visit/زيارة؟ نعم؛',
    'وَعَلِمَ الْوَزِيرُ بِالأَمْرِ ـــ بـ 10 ملايين ﺑﻮﺗﻴﻦ ﻻ',
    'Café Zürich ٢٠٢١م G20 e-mail',
  ];
  it.each(samples)('every token slices back to its original text: %s', (text) => {
    const tokens = analyze(text);
    expect(tokens.length).toBeGreaterThan(3);
    for (const t of tokens) {
      expect(text.slice(t.start, t.end)).toBe(t.text);
      expect(t.end).toBeGreaterThan(t.start);
    }
    for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
  });

  it('splits on Arabic and Latin punctuation and keeps numbers', () => {
    expect(analyze('نشر في 26.11.2021، «بوتين» (Putin)؟').map((t) => t.text)).toEqual([
      'نشر', 'في', '26', '11', '2021', 'بوتين', 'Putin',
    ]);
  });

  it('keeps diacritics and tatweel inside the token and splits Arabic from Latin and digits', () => {
    const text = 'وَعَلِمَ بـGoogle ٢٠٢١م';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['وَعَلِمَ', 'بـ', 'Google', '٢٠٢١', 'م']);
  });

  it('normalizes hamza, alef maqsura, taa marbuta, diacritics, tatweel, digits, presentation forms and Latin', () => {
    expect(normalize('أإآٱ')).toBe('اااا');
    expect(normalize('مُسْتَشْفَى')).toBe('مستشفي');
    expect(normalize('مدرسة')).toBe('مدرسه');
    expect(normalize('بـــوتين')).toBe('بوتين');
    expect(normalize('٠١٢٣٤٥٦٧٨٩۰۱۲')).toBe('0123456789012');
    expect(normalize('ﺑﻮﺗﻴﻦ ﻻ ﻷ')).toBe('بوتين لا لا');
    expect(normalize('Café ÉTÉ')).toBe('cafe ete');
    expect(normalize('هٰذا')).toBe('هذا');
  });

  it('Latin words are lowercased and stemmed, Arabic ones are not lost', () => {
    expect(indexTerms('Running NATO summits في بروكسل')).toEqual(['run', 'nato', 'summit', 'بروكسل']);
  });
});

describe('stop words', () => {
  it('drops function words', () => {
    const stops = analyze('في من على إلى عن أن التي الذي وفي').filter((t) => t.stop);
    expect(stops).toHaveLength(9);
  });

  it('never drops content words news readers search', () => {
    const content = ['زيارة', 'رئيس', 'عام', 'يوم', 'مليون', 'مايو', 'يناير', 'الأحد', 'الجمعة', 'ألف', 'سنة', 'شهر', 'أمس', 'اليوم', 'الله', 'حرب', 'سلام', '2021', '26'];
    for (const word of content) {
      expect(STOP_WORDS.has(normalize(word)), word).toBe(false);
      expect(termOf(word), word).not.toBe('');
    }
  });
});

describe('guards keep words whose first letter only looks like a preposition', () => {
  it('keeps كامل, لاعب, واحد, برنامج, فيديو whole (not امل, اعب, احد, رنامج, يديو)', () => {
    expect(termOf('كامل')).toBe('كامل');
    expect(termOf('لاعب')).toBe('لاعب');
    expect(termOf('واحد')).toBe('واحد');
    expect(termOf('برنامج')).toBe('برنامج');
    expect(termOf('فيديو')).toBe('فيديو');
    expect(termOf('كامل')).not.toBe(termOf('أمل'));
    expect(termOf('واحد')).not.toBe(termOf('الأحد'));
  });

  it('علي (the name) is a word; على (the preposition) is a stop word', () => {
    expect(analyze('علي')[0]).toMatchObject({ stop: false, term: 'علي' });
    expect(analyze('على')[0]).toMatchObject({ stop: true, term: '' });
  });

  it('very long words and long compatibility expansions are normalized completely', () => {
    const long = 'ب'.repeat(5000);
    expect(normalize(long)).toBe(long);
    const ligatures = 'ﷺ'.repeat(300);
    expect(normalize(ligatures).length).toBe(300 * 'ﷺ'.normalize('NFKC').length);
  });
});
