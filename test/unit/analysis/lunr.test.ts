import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { queryTermFor, queryTermsFor, registerArabicAnalyzer, useArabicAnalyzer } from '../../../src/analysis/index.js';

const docs = [
  { id: 'putin', body: 'التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في مدينة سوتشي.' },
  { id: 'baku', body: 'وقالت الخارجية إن أذربيجان ترحب بالمبادرة، وأكدت لبوتين دعمها.' },
  { id: 'other', body: 'بو علي يفتتح مكتبة جديدة في الحي، والكاتب حاضر.' },
];

function buildSerialized(): string {
  const index = lunr(function () {
    useArabicAnalyzer(this);
    this.ref('id');
    this.field('body');
    for (const doc of docs) this.add(doc);
  });
  return JSON.stringify(index);
}

describe('Lunr integration', () => {
  const serialized = buildSerialized();
  registerArabicAnalyzer(lunr);
  const index = lunr.Index.load(JSON.parse(serialized));
  const refs = (q: string) => index.search(q).map((r) => r.ref).sort();

  it('a serialized index reloads and finds clitic/hamza/nisba forms', () => {
    expect(refs('بوتين')).toEqual(['baku', 'putin']);
    expect(refs('وبوتين')).toEqual(['baku', 'putin']);
    expect(refs('اذربيجان')).toEqual(['baku', 'putin']);
    expect(refs('الأذربيجانية')).toEqual(['baku', 'putin']);
    expect(refs('مكتبه')).toEqual(['other']);
  });

  it('does not confuse بو with بوتين, or كاتب with مكتبة', () => {
    expect(refs('بو')).toEqual(['other']);
    expect(refs('كاتب')).toEqual(['other']);
    expect(refs('كتاب')).toEqual([]);
  });

  it('query punctuation and stop words do not break a query', () => {
    expect(refs('«بوتين»،')).toEqual(['baku', 'putin']);
    expect(refs('في')).toEqual([]);
  });

  it('a wildcard prefix typed without hamza and with clitics finds the words', () => {
    const term = queryTermFor('والاذربيج*', { wildcard: true });
    expect(term).toBe('اذربيج');
    expect(refs(`${term}*`)).toEqual(['baku', 'putin']);
    expect(refs(`${queryTermFor('إلها', { wildcard: true })}*`)).toEqual(['putin']);
  });

  it('a fuzzy term (a typo) is analyzed and matched with an edit distance', () => {
    const term = queryTermFor('سوتشى', { fuzzy: true });
    expect(refs(`${term}~1`)).toEqual(['putin']);
    expect(refs('ستشي~1')).toEqual(['putin']);
  });
});

describe('Lunr tokenizer metadata', () => {
  it('records positions that slice back to the words as written', () => {
    const body = 'قال «وبوتين»، ثم زار الأذربيجانيين في باكو.';
    const index = lunr(function () {
      useArabicAnalyzer(this);
      this.ref('id');
      this.field('body');
      this.metadataWhitelist = ['position'];
      this.add({ id: '1', body });
    });
    const [hit] = index.search('بوتين اذربيجان');
    const slices = Object.values(hit.matchData.metadata).flatMap((fields) =>
      (fields.body.position as [number, number][]).map(([start, length]) => body.slice(start, start + length)),
    );
    expect(slices.sort()).toEqual(['الأذربيجانيين', 'وبوتين']);
  });
});

describe('wildcard prefixes', () => {
  it('offers the stemmed prefix first, then the prefix as typed', () => {
    expect(queryTermsFor('الفلسطيني*', { wildcard: true })[0]).toBe('فلسطين');
    expect(queryTermsFor('بوت', { wildcard: true })).toContain('بوت');
    expect(queryTermsFor('في*', { wildcard: true })).toEqual(['في']);
  });
});
