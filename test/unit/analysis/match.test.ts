import { describe, expect, it } from 'vitest';
import { findMatches } from '../../../src/analysis/index.js';

const text = 'وعَلِمَ الوزيرُ بالأمر، ثم عُلِمَ أن احمد وأحمد والعلم حضروا. التقى بوتين ﺑﻮﺗﻴﻦ';
const found = (words: string[], options = {}) => findMatches(text, words, options).map(([s, e]) => text.slice(s, e));

describe('findMatches', () => {
  it('finds every form that shares the query word’s term, with exact offsets', () => {
    expect(found(['علم'])).toEqual(['وعَلِمَ', 'عُلِمَ', 'والعلم']);
    expect(found(['بوتين'])).toEqual(['بوتين', 'ﺑﻮﺗﻴﻦ']);
    expect(found(['الأمر'])).toEqual(['بالأمر']);
  });

  it('matchDiacritics keeps only words carrying the query’s marks', () => {
    expect(found(['عَلِم'], { matchDiacritics: true })).toEqual(['وعَلِمَ']);
    expect(found(['عُلِم'], { matchDiacritics: true })).toEqual(['عُلِمَ']);
    expect(found(['علم'], { matchDiacritics: true })).toEqual(['وعَلِمَ', 'عُلِمَ', 'والعلم']);
  });

  it('matchHamza keeps only the query’s alef/hamza spelling', () => {
    expect(found(['أحمد'])).toEqual(['احمد', 'وأحمد']);
    expect(found(['أحمد'], { matchHamza: true })).toEqual(['وأحمد']);
    expect(found(['احمد'], { matchHamza: true })).toEqual(['احمد']);
  });

  it('supports prefix query words and ignores stop words', () => {
    expect(found(['بوت*'])).toEqual(['بوتين', 'ﺑﻮﺗﻴﻦ']);
    expect(found(['في', 'أن'])).toEqual([]);
  });
});

describe('findMatches with Lunr query syntax', () => {
  const doc = 'قال الرئيس الروسي بوتين إن روسيا وأذربيجان وقعتا اتفاقا، وأكد علييف ذلك.';
  const words = (q: string[], options = {}) => findMatches(doc, q, options).map(([s, e]) => doc.slice(s, e));

  it('reads whole query strings, fuzzy words, prefixes, and skips prohibited words', () => {
    expect(words(['بوتين علييف'])).toEqual(['بوتين', 'علييف']);
    expect(words(['+بوتين -علييف'])).toEqual(['بوتين']);
    expect(words(['علييب~1'])).toEqual(['علييف']);
    expect(words(['الروس*'])).toEqual(['الروسي', 'روسيا']);
    expect(words(['body:اتفاق^2'])).toEqual(['اتفاقا']);
  });

  it('offsets cover the word as written, with clitics', () => {
    for (const [s, e] of findMatches(doc, ['اذربيجان'])) expect(doc.slice(s, e)).toBe('وأذربيجان');
  });
});
