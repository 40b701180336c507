import { describe, expect, it } from 'vitest';
import { parseDateBound, parseQuery } from '../../../src/search/query-parser.js';

const words = (q: string) => parseQuery(q).clauses.map((c) => [c.kind, c.text, c.presence, c.fields?.join(',') ?? '']);

describe('query parser', () => {
  it('reads plain words as optional words', () => {
    expect(words('بوتين  علييف')).toEqual([
      ['word', 'بوتين', 'should', ''],
      ['word', 'علييف', 'should', ''],
    ]);
  });

  it('reads +required and -excluded words', () => {
    expect(words('+بوتين -روسيا')).toEqual([
      ['word', 'بوتين', 'must', ''],
      ['word', 'روسيا', 'not', ''],
    ]);
  });

  it('reads quoted phrases, also excluded and field-scoped ones', () => {
    expect(words('"قره باغ" -"البحر الأسود" title:"قمة ثلاثية"')).toEqual([
      ['phrase', 'قره باغ', 'must', ''],
      ['phrase', 'البحر الأسود', 'not', ''],
      ['phrase', 'قمة ثلاثية', 'must', 'title'],
    ]);
  });

  it('reads wildcards, fuzzy words and boosts', () => {
    const [prefix, suffix, fuzzy, fuzzy2, boosted] = parseQuery('اذربيج* *ستان بوتبن~ علييف~2 سوتشي^3').clauses;
    expect(prefix).toMatchObject({ text: 'اذربيج*', wildcard: true });
    expect(suffix).toMatchObject({ text: '*ستان', wildcard: true });
    expect(fuzzy).toMatchObject({ text: 'بوتبن', editDistance: 1 });
    expect(fuzzy2).toMatchObject({ text: 'علييف', editDistance: 2 });
    expect(boosted).toMatchObject({ text: 'سوتشي', boost: 3 });
  });

  it('caps the edit distance and says so', () => {
    const q = parseQuery('بوتين~5');
    expect(q.clauses[0].editDistance).toBe(2);
    expect(q.messages).toEqual([{ code: 'fuzzy-too-far', params: { asked: 5, max: 2 } }]);
  });

  it('reads field names, including entity fields, as required field words', () => {
    expect(words('title:تونس source:رويترز person:علييف place:سوتشي org:الأمم')).toEqual([
      ['word', 'تونس', 'must', 'title'],
      ['word', 'رويترز', 'must', 'source'],
      ['word', 'علييف', 'must', 'person'],
      ['word', 'سوتشي', 'must', 'place'],
      ['word', 'الأمم', 'must', 'org'],
    ]);
  });

  it('applies a field followed by a space to the next word', () => {
    expect(words('title: تونس')).toEqual([['word', 'تونس', 'must', 'title']]);
  });

  it('keeps words with a colon that is not a field (times, links) as text', () => {
    expect(words('10:30')).toEqual([['word', '10:30', 'should', '']]);
  });

  it('reads date filters: after is inclusive, before exclusive, partial dates allowed', () => {
    expect(parseQuery('after:2021-11-26 before:2022').after).toBe('2021-11-26');
    expect(parseQuery('before:2022').before).toBe('2022-01-01');
    expect(parseQuery('after:2020-02').after).toBe('2020-02-01');
    expect(parseDateBound('2021-02-30')).toBeNull();
    expect(parseDateBound('2020-12')).toEqual({ from: '2020-12-01', next: '2021-01-01' });
  });

  it('explains an invalid date and ignores it', () => {
    const q = parseQuery('بوتين after:yesterday');
    expect(q.after).toBeUndefined();
    expect(q.clauses).toHaveLength(1);
    expect(q.messages).toEqual([{ code: 'date-needs-value', params: { field: 'after', value: 'yesterday' } }]);
  });

  it('reads an unclosed quote as a phrase to the end, with a message', () => {
    const q = parseQuery('بوتين "قره باغ');
    expect(q.clauses.map((c) => [c.kind, c.text])).toEqual([
      ['word', 'بوتين'],
      ['phrase', 'قره باغ'],
    ]);
    expect(q.messages).toEqual([{ code: 'unclosed-quote' }]);
  });

  it('ignores a lone -, a lone +, a lone * and an empty field, explaining each', () => {
    for (const [query, told] of [
      ['بوتين -', { code: 'lone-operator', params: { operator: '-' } }],
      ['+ بوتين', { code: 'lone-operator', params: { operator: '+' } }],
      ['*', { code: 'lone-wildcard' }],
      ['title:', { code: 'field-needs-word', params: { field: 'title' } }],
    ] as const) {
      const q = parseQuery(query);
      expect(q.messages, query).toEqual([told]);
      expect(q.clauses.every((c) => c.text.length > 0)).toBe(true);
    }
  });

  it('never throws on odd input', () => {
    for (const q of ['', '   ', '"', '""', '-"', '::', 'title:"', '~', '^', '*~', 'a~b~c', '+-+-x', '"a" "b', 'after:', '\u0000', '((x))']) {
      expect(() => parseQuery(q), q).not.toThrow();
    }
    expect(parseQuery('').messages).toEqual([{ code: 'type-to-search' }]);
  });
});
