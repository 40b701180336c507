import { describe, expect, it } from 'vitest';
import { makeSnippet, mergeRanges } from '../../../src/search/snippet.js';

describe('snippet', () => {
  const filler = 'كلام عادي في النص '.repeat(30);
  const text = `${filler}التقى بوتين نظيره علييف في سوتشي ${filler}`;

  it('shows a window around the match with highlights on the matched words', () => {
    const at = text.indexOf('بوتين');
    const at2 = text.indexOf('علييف');
    const s = makeSnippet(text, [[at, at + 5], [at2, at2 + 5]]);
    expect(s.text.length).toBeLessThanOrEqual(202);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['بوتين', 'علييف']);
  });

  it('starts at the beginning when nothing matched in the body', () => {
    const s = makeSnippet(text, []);
    expect(s.text.startsWith('كلام')).toBe(true);
    expect(s.highlights).toEqual([]);
  });

  it('keeps a short text whole', () => {
    const s = makeSnippet('بوتين في سوتشي', [[9, 14]]);
    expect(s).toEqual({ text: 'بوتين في سوتشي', highlights: [[9, 14]] });
  });

  it('merges overlapping ranges', () => {
    expect(mergeRanges([[5, 9], [0, 3], [2, 4], [9, 10]])).toEqual([[0, 4], [5, 10]]);
  });
});

describe('snippet whitespace', () => {
  it('shows paragraph breaks as one space and keeps highlights on the words', () => {
    const text = 'التقى بوتين\n\n\nنظيره علييف   في سوتشي';
    const at = text.indexOf('علييف');
    const s = makeSnippet(text, [[at, at + 5], [6, 11]]);
    expect(s.text).toBe('التقى بوتين نظيره علييف في سوتشي');
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b))).toEqual(['بوتين', 'علييف']);
  });
});
