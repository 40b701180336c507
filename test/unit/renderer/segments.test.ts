import { describe, expect, it } from 'vitest';
import { segmentClasses, segmentText, type RangeLayer } from '../../../renderer/src/lib/segments.js';

const text = 'التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني';

function summary(segments: ReturnType<typeof segmentText>) {
  return segments.map((s) => [s.text, s.marks.map((m) => `${m.layer}#${m.index}`).join(',')]);
}

describe('segmentText', () => {
  it('returns the whole text as one unmarked segment when there are no ranges', () => {
    expect(summary(segmentText(text, []))).toEqual([[text, '']]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('keeps every character exactly once, in order, with offsets into the original', () => {
    const layers: RangeLayer[] = [
      { name: 'hit', ranges: [{ start: 6, end: 12 }, { start: 41, end: 52 }] },
      { name: 'entity-PERSON', ranges: [{ start: 20, end: 34 }] },
    ];
    const segments = segmentText(text, layers);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end);
  });

  it('splits overlapping ranges into pieces carrying both marks', () => {
    const layers: RangeLayer[] = [
      { name: 'entity-PERSON', ranges: [{ start: 20, end: 34 }] }, // فلاديمير بوتين
      { name: 'hit', ranges: [{ start: 29, end: 40 }] }, // بوتين نظيره
    ];
    expect(summary(segmentText(text, layers))).toEqual([
      ['التقى الرئيس الروسي ', ''],
      ['فلاديمير ', 'entity-PERSON#0'],
      ['بوتين', 'entity-PERSON#0,hit#0'],
      [' نظيره', 'hit#0'],
      [' الأذربيجاني', ''],
    ]);
  });

  it('handles a range nested inside another', () => {
    const layers: RangeLayer[] = [
      { name: 'entity-ORGANIZATION', ranges: [{ start: 0, end: 19 }] },
      { name: 'hit', ranges: [{ start: 6, end: 12 }] },
    ];
    expect(summary(segmentText(text, layers)).slice(0, 4)).toEqual([
      ['التقى ', 'entity-ORGANIZATION#0'],
      ['الرئيس', 'entity-ORGANIZATION#0,hit#0'],
      [' الروسي', 'entity-ORGANIZATION#0'],
      [' فلاديمير بوتين نظيره الأذربيجاني', ''],
    ]);
  });

  it('keeps adjacent ranges of one layer apart (two hits side by side stay two hits)', () => {
    const layers: RangeLayer[] = [{ name: 'hit', ranges: [{ start: 0, end: 5 }, { start: 5, end: 12 }] }];
    expect(summary(segmentText(text, layers)).slice(0, 2)).toEqual([
      ['التقى', 'hit#0'],
      [' الرئيس', 'hit#1'],
    ]);
  });

  it('lists marks in layer order, so later layers paint on top', () => {
    const layers: RangeLayer[] = [
      { name: 'hit', ranges: [{ start: 0, end: 5 }] },
      { name: 'annotation', ranges: [{ start: 0, end: 5, className: 'color-yellow', data: 'a1' }] },
    ];
    const [first] = segmentText(text, layers);
    expect(first.marks.map((m) => m.layer)).toEqual(['hit', 'annotation']);
    expect(first.marks[1].range.data).toBe('a1');
    expect(segmentClasses(first)).toEqual(['hit', 'annotation', 'color-yellow']);
  });

  it('clamps out-of-range input and ignores empty, inverted and non-finite ranges', () => {
    const layers: RangeLayer[] = [
      {
        name: 'hit',
        ranges: [
          { start: -10, end: 5 },
          { start: 45, end: 10_000 },
          { start: 8, end: 8 },
          { start: 12, end: 6 },
          { start: Number.NaN, end: 3 },
          { start: 9999, end: 10_005 },
        ],
      },
    ];
    const segments = segmentText(text, layers);
    expect(segments[0]).toMatchObject({ start: 0, end: 5, text: 'التقى' });
    expect(segments[0].marks.map((m) => m.index)).toEqual([0]);
    const last = segments[segments.length - 1];
    expect(last).toMatchObject({ start: 45, end: text.length });
    expect(last.marks.map((m) => m.index)).toEqual([1]);
    expect(segments.filter((s) => s.marks.length > 0)).toHaveLength(2);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('restricts output to a window (one paragraph), clipping ranges that cross it', () => {
    const t = 'أولى فقرة\nثانية فقرة';
    const layers: RangeLayer[] = [{ name: 'hit', ranges: [{ start: 5, end: 15 }] }];
    expect(summary(segmentText(t, layers, 10, t.length))).toEqual([
      ['ثانية', 'hit#0'],
      [' فقرة', ''],
    ]);
  });
});
