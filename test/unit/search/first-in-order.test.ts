import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../../src/search/run-search.js';

describe('firstInOrder (the page of results without sorting them all)', () => {
  it('gives what sorting everything and slicing gives, ties included', () => {
    let s = 3;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const cmp = (a: { score: number; doc: number }, b: { score: number; doc: number }) => b.score - a.score || a.doc - b.doc;
    for (const n of [0, 1, 5, 40, 1000]) {
      const items = Array.from({ length: n }, (_, doc) => ({ doc, score: Math.floor(rand() * 20) }));
      for (const k of [0, 1, 3, 10, 250, 2000]) {
        expect(firstInOrder(items.slice(), k, cmp)).toEqual(items.slice().sort(cmp).slice(0, k));
      }
    }
  });
});
