import { describe, expect, it } from 'vitest';
import { termOf } from '../../../src/analysis/index.js';
import type { EntitySpan } from '../../../src/api.js';
import { parseQuery } from '../../../src/search/query-parser.js';
import { answerKindOf, withoutQuestionWords } from '../../../src/search/question-words.js';
import { bestWindow, featuresOf, type QuerySlot } from '../../../src/search/rerank.js';

const slots = (...words: string[]): QuerySlot[] => words.map((w) => ({ terms: new Set([termOf(w)]), weight: 1 }));
const filler = (n: number) => Array.from({ length: n }, () => 'وقال المتحدث إن الاجتماع كان مثمرا').join(' ');

describe('bestWindow', () => {
  it('finds the most query words within the window', () => {
    // slot 0 at 0, slot 1 at 1, slot 2 at 50
    expect(bestWindow([0, 1, 50], [0, 1, 2], [1, 1, 1], 8)).toMatchObject({ weight: 2, from: 0, to: 1 });
    expect(bestWindow([0, 1, 50], [0, 1, 2], [1, 1, 1], 60).weight).toBe(3);
    // A word repeated counts once.
    expect(bestWindow([0, 1, 2], [0, 0, 0], [1, 1, 1], 8).weight).toBe(1);
  });
});

describe('proximity features', () => {
  const q = slots('بوتين', 'علييف', 'سوتشي');
  it('score an article whose query words stand together above one where they are far apart', () => {
    const near = featuresOf('أخبار', `${filler(3)} التقى بوتين وعلييف في سوتشي. ${filler(3)}`, [], q, undefined);
    const far = featuresOf('أخبار', `${filler(3)} التقى بوتين. ${filler(10)} وعلييف ${filler(10)} في سوتشي.`, [], q, undefined);
    expect(near.coverage).toBeCloseTo(1);
    expect(far.coverage).toBeCloseTo(1);
    expect(near.proximity).toBeCloseTo(1);
    expect(near.passage).toBeCloseTo(1);
    expect(far.proximity).toBeCloseTo(1 / 3);
    expect(far.passage).toBeCloseTo(1 / 3);
    expect(near.phrase).toBeGreaterThan(far.phrase);
  });

  it('count title and first-paragraph matches', () => {
    const f = featuresOf('بوتين في سوتشي', `${filler(20)} علييف`, [], q, undefined);
    expect(f.title).toBeCloseTo(2 / 3);
    expect(f.lead).toBe(0);
    expect(f.coverage).toBeCloseTo(1);
  });

  it('credit a whole entity name the query spells out, not a part of it', () => {
    const body = 'استقبل إلهام علييف الوفد في سوتشي';
    const name: EntitySpan = { type: 'PERSON', start: body.indexOf('إلهام'), end: body.indexOf('علييف') + 'علييف'.length, text: 'إلهام علييف' } as EntitySpan;
    expect(featuresOf('', body, [name], slots('إلهام', 'علييف', 'سوتشي'), undefined).entity).toBeCloseTo(2 / 3);
    expect(featuresOf('', body, [name], slots('علييف', 'سوتشي'), undefined).entity).toBe(0);
  });
});

describe('question words', () => {
  const words = (q: string) => withoutQuestionWords(parseQuery(q)).clauses.map((c) => c.text);
  it('are left out of the query', () => {
    expect(words('متى التقى بوتين علييف؟')).toEqual(['التقى', 'بوتين', 'علييف؟']);
    expect(words('كيف توزعت الفرق')).toEqual(['توزعت', 'الفرق']);
    expect(words('اذكر أسباب ارتفاع أسعار النفط')).toEqual(['أسباب', 'ارتفاع', 'أسعار', 'النفط']);
    expect(words('لماذا وأين')).toEqual(['لماذا', 'وأين']);
    expect(words('+كيف النفط')).toEqual(['كيف', 'النفط']);
  });

  it('متى asks for a date and كم for a number', () => {
    expect(answerKindOf(parseQuery('متى التقى بوتين علييف؟'))).toBe('date');
    expect(answerKindOf(parseQuery('كم عدد الضحايا'))).toBe('number');
    expect(answerKindOf(parseQuery('لماذا التقى بوتين علييف'))).toBeUndefined();
  });

  it('متى / كم favour a passage with a date / number near the query words', () => {
    const q = slots('زار', 'بوتين', 'سوتشي');
    const dated = `${filler(2)} زار بوتين سوتشي يوم 12 مارس ${filler(2)}`;
    const undated = `${filler(2)} زار بوتين سوتشي لبحث التعاون ${filler(2)}`;
    expect(featuresOf('', dated, [], q, 'date').answer).toBe(1);
    expect(featuresOf('', undated, [], q, 'date').answer).toBe(0);
    expect(featuresOf('', `${filler(2)} زار بوتين سوتشي مع خمسة وزراء`, [], q, 'number').answer).toBe(1);
    expect(featuresOf('', undated, [], q, 'number').answer).toBe(0);
    expect(featuresOf('', dated, [], q, undefined).answer).toBe(0);
  });
});
