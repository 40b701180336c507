import { describe, expect, it } from 'vitest';
import type { EntitySpan } from '../../../src/api.js';
import { dominantDirection } from '../../../renderer/src/lib/bidi.js';
import { segmentText } from '../../../renderer/src/lib/segments.js';
import { groupEntities, readerLayers } from '../../../renderer/src/reader/layers.js';

const text = 'التقى بوتين في موسكو الرئيس بوتين';
const entities: EntitySpan[] = [
  { start: 6, end: 11, type: 'PERSON', text: 'بوتين' },
  { start: 15, end: 20, type: 'LOCATION', text: 'موسكو' },
  { start: 28, end: 33, type: 'PERSON', text: 'بوتين' },
];
const all = { PERSON: true, LOCATION: true, ORGANIZATION: true, DATE: true };

describe('reader layers', () => {
  it('puts entities underneath, hits above, extra (annotation) layers on top', () => {
    const layers = readerLayers({ entities, hits: [[6, 11]] }, all, [{ name: 'annotation', ranges: [{ start: 6, end: 8 }] }]);
    expect(layers.map((l) => l.name)).toEqual(['entity-PERSON', 'entity-LOCATION', 'entity-ORGANIZATION', 'entity-DATE', 'hit', 'annotation']);
    const seg = segmentText(text, layers).find((s) => s.start === 6)!;
    expect(seg.marks.map((m) => m.layer)).toEqual(['entity-PERSON', 'hit', 'annotation']);
  });

  it('drops the layer of a type switched off, leaving other types and hits in place', () => {
    const layers = readerLayers({ entities, hits: [[15, 20]] }, { ...all, PERSON: false });
    const marked = segmentText(text, layers).filter((s) => s.marks.length);
    expect(marked.map((s) => [s.text, s.marks.map((m) => m.layer)])).toEqual([['موسكو', ['entity-LOCATION', 'hit']]]);
  });

  it('groups the article entities by type and counts each name', () => {
    expect(groupEntities(entities)).toEqual([
      { type: 'PERSON', names: [{ text: 'بوتين', count: 2 }] },
      { type: 'LOCATION', names: [{ text: 'موسكو', count: 1 }] },
    ]);
    expect(groupEntities([])).toEqual([]);
  });
});

describe('dominantDirection', () => {
  it('follows the majority of strong letters, so an Arabic article starting with a Latin name is still RTL', () => {
    expect(dominantDirection('COVID-19: ارتفاع عدد الإصابات في تونس')).toBe('rtl');
    expect(dominantDirection('Reuters reports from Baku — باكو')).toBe('ltr');
    expect(dominantDirection('2021 …')).toBe('rtl');
  });
});
