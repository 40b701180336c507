import { describe, expect, it } from 'vitest';
import { parsePositions, startingPoint, withPosition } from '../../../renderer/src/lib/reading-positions.js';

describe('reading positions', () => {
  it('reads back what it stored and drops broken entries, never throwing', () => {
    const raw = JSON.stringify({ a: { offset: 120, query: 'بوتين', at: 5 }, b: { offset: -1, at: 1 }, c: 'x', d: { offset: 1.5, at: 1 }, e: { offset: 3, at: 2 } });
    expect(parsePositions(raw)).toEqual({ a: { offset: 120, query: 'بوتين', at: 5 }, e: { offset: 3, query: '', at: 2 } });
    for (const bad of [null, '', '{', '[]', '42', 'null']) expect(parsePositions(bad)).toEqual({});
  });

  it('keeps the most recently read articles only', () => {
    let positions = {};
    for (let i = 0; i < 5; i++) positions = withPosition(positions, `id${i}`, { offset: i, query: '', at: 100 + i }, 3);
    expect(Object.keys(positions).sort()).toEqual(['id2', 'id3', 'id4']);
    positions = withPosition(positions, 'id2', { offset: 9, query: '', at: 200 }, 3);
    positions = withPosition(positions, 'id5', { offset: 0, query: '', at: 201 }, 3);
    expect(Object.keys(positions).sort()).toEqual(['id2', 'id4', 'id5']);
  });

  it('returns to the saved place for the same search, to the first hit for a new one', () => {
    const saved = { offset: 800, query: 'سوتشي', at: 1 };
    expect(startingPoint(saved, ' سوتشي ', 3)).toEqual({ offset: 800 });
    expect(startingPoint(saved, 'بوتين', 3)).toBe('first-hit');
    expect(startingPoint(saved, '', 0)).toEqual({ offset: 800 });
    expect(startingPoint(undefined, 'بوتين', 2)).toBe('first-hit');
    expect(startingPoint(undefined, '', 0)).toBe('top');
  });
});
