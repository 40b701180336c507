import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EntitySpan } from '../../../src/api.js';
import { ENTITY_TYPES } from '../../../src/api.js';
import { findEntities } from '../../../src/entities/index.js';

// The article the project started from (Anadolu Agency, 26.11.2021).
const seed = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');

function expectWellFormed(text: string, spans: EntitySpan[]) {
  let lastEnd = 0;
  for (const span of spans) {
    expect(ENTITY_TYPES).toContain(span.type);
    expect(span.start).toBeGreaterThanOrEqual(lastEnd); // in order, no overlap
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.start, span.end)).toBe(span.text);
    lastEnd = span.end;
  }
}

function found(spans: EntitySpan[], type: EntitySpan['type'], name: string): EntitySpan[] {
  return spans.filter((s) => s.type === type && s.text === name);
}

describe('findEntities on the seed article', () => {
  const spans = findEntities(seed);

  it('returns well-formed, ordered, non-overlapping spans', () => {
    expectWellFormed(seed, spans);
  });

  it.each(['بوتين', 'إلهام علييف', 'نيكول باشينيان', 'خلوصي أكار', 'سيرغي شويغو', 'علييف'])('finds the person %s', (name) => {
    expect(found(spans, 'PERSON', name).length).toBeGreaterThan(0);
  });

  it('keeps two people joined by و apart ("علييف وباشينيان")', () => {
    expect(spans.filter((s) => s.type === 'PERSON' && /\sو/.test(s.text))).toEqual([]);
    expect(found(spans, 'PERSON', 'باشينيان').length).toBeGreaterThan(0);
  });

  it('finds Putin on his own after the first, full mention', () => {
    expect(found(spans, 'PERSON', 'بوتين').length).toBeGreaterThanOrEqual(4);
  });

  it.each(['سوتشي', 'موسكو', 'روسيا', 'أذربيجان', 'أرمينيا', 'باكو', 'البحر الأسود'])('finds the place %s', (name) => {
    expect(found(spans, 'LOCATION', name).length).toBeGreaterThan(0);
  });

  it('finds the news agency as an organisation', () => {
    expect(spans.some((s) => s.type === 'ORGANIZATION' && s.text.includes('الأناضول'))).toBe(true);
  });

  it('finds the dates with their values', () => {
    const dates = spans.filter((s) => s.type === 'DATE');
    expect(dates).toContainEqual(expect.objectContaining({ text: '26.11.2021', value: '2021-11-26' }));
    expect(dates).toContainEqual(expect.objectContaining({ text: '11 نوفمبر/ تشرين الثاني 2020', value: '2020-11-11' }));
    expect(dates).toContainEqual(expect.objectContaining({ text: '27 سبتمبر/ أيلول 2020', value: '2020-09-27' }));
  });

  it('does not take nationality adjectives for places or people', () => {
    for (const adjective of ['الأذربيجاني', 'الروسي', 'الأرميني', 'الأذربيجانية', 'الروسية']) {
      expect(spans.filter((s) => s.type !== 'DATE' && s.text.split(' ')[0] === adjective)).toEqual([]);
    }
  });

  it('does not take the agency code line (AA AA) or any Latin abbreviation for a person', () => {
    expect(seed).toContain('\nAA AA\n');
    expect(spans.filter((s) => s.type === 'PERSON' && /^[A-Z ]+$/.test(s.text))).toEqual([]);
  });

  it('gives the same spans every time (model cached, no state between calls)', () => {
    expect(findEntities(seed)).toEqual(spans);
  });
});

describe('attached clitics', () => {
  it('leaves the conjunction و outside a name (وبوتين → بوتين)', () => {
    const text = 'قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة. والتقى أردوغان وبوتين في موسكو أمس.';
    const putin = findEntities(text).find((s) => s.start >= text.indexOf('وبوتين'));
    expect(putin).toMatchObject({ type: 'PERSON', text: 'بوتين', start: text.indexOf('وبوتين') + 1 });
  });

  it('leaves the preposition ل outside a place (لروسيا → روسيا)', () => {
    const text = 'وجه الرئيس انتقادات شديدة لروسيا بسبب الحرب.';
    const russia = findEntities(text).find((s) => s.text.endsWith('روسيا'));
    expect(russia).toMatchObject({ type: 'LOCATION', text: 'روسيا', start: text.indexOf('لروسيا') + 1 });
  });

  it('keeps the ك that begins a name (كمال, كلايف) and takes off the ك before a known name (كبريطانيا)', () => {
    const text = 'قال كمال سعد إن كلايف ستافورد سميث وصل إلى لندن. وتصرفت الحكومة كبريطانيا في الأزمة.';
    const found = findEntities(text);
    expect(found.find((s) => s.start === text.indexOf('كمال'))).toMatchObject({ type: 'PERSON', text: 'كمال سعد' });
    expect(found.find((s) => s.start === text.indexOf('كلايف'))).toMatchObject({ type: 'PERSON', text: 'كلايف ستافورد سميث' });
    expect(found.find((s) => s.text.endsWith('بريطانيا'))).toMatchObject({ type: 'LOCATION', text: 'بريطانيا', start: text.indexOf('كبريطانيا') + 1 });
  });

  it('keeps the و that belongs to a name', () => {
    const text = 'وقال وليد جنبلاط إن الحزب سيشارك في الانتخابات.';
    const person = findEntities(text).find((s) => s.type === 'PERSON');
    expect(person?.text.startsWith('وليد')).toBe(true);
  });

  it('puts the span after the clitic and its diacritic', () => {
    const text = 'قال الرئيس الروسي فلاديمير بوتين إن بلاده مستعدة. والتقى أردوغان وَبُوتِين في موسكو.';
    const putin = findEntities(text).find((s) => s.start >= text.indexOf('وَبُوتِين'));
    expect(putin).toMatchObject({ type: 'PERSON', text: 'بُوتِين', start: text.indexOf('وَبُوتِين') + 2 });
  });
});

describe('offsets on arbitrary input', () => {
  it('handles empty and name-free text', () => {
    expect(findEntities('')).toEqual([]);
    expect(findEntities('   \n\n  ')).toEqual([]);
    expect(findEntities('هذا نص قصير لا يذكر أحدا.')).toEqual([]);
  });

  it.each([
    'The meeting in Sochi 🇷🇺 was short. قال بوتين في سوتشي 😀 إن روسيا مستعدة.',
    'قالَ الرَّئِيسُ فلاديميرُ بوتين في مُوسْكُو إنَّ روسيا…',
    '👨‍👩‍👧 وصل بوتين 🤝 إلى باكو\u200f\u200e يوم 3 مارس 2020.',
    'بوتين\tوعلييف\r\nفي\u00a0سوتشي',
    'ـــبوتين ـ روسيا ـ ١١ نوفمبر ٢٠٢٠',
    '"بوتين" (روسيا) [باكو] {أرمينيا} بوتين، روسيا؛ باكو؟ أرمينيا!',
  ])('slices back to the span text: %s', (text) => {
    expectWellFormed(text, findEntities(text));
  });

  it('stays well-formed on random mixtures of words, marks and symbols', () => {
    const pieces = ['بوتين', 'و', 'ل', 'روسيا', 'موسكو', 'قال', 'في', 'َ', 'ّ', 'ـ', ' ', ' ', '\n', '.', '،', '😀', '🇷🇺', 'Putin', '2020', '١١', 'نوفمبر', '/', 'الرئيس', 'وزارة', 'الخارجية', '\u200f', '\ud83d'];
    let seedValue = 12345;
    const random = () => ((seedValue = (Math.imul(seedValue, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
      expectWellFormed(text, findEntities(text));
    }
  });
});
