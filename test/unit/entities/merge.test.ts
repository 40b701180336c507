import { describe, expect, it } from 'vitest';
import type { EntitySpan } from '../../../src/api.js';
import { mergeSpans } from '../../../src/entities/merge.js';

/** The rule as stated, checked pair by pair: the reference the fast merge must agree with. */
function pairwiseMerge(first: EntitySpan[], second: EntitySpan[]): EntitySpan[] {
  const byStart = (a: EntitySpan, b: EntitySpan) => a.start - b.start || b.end - a.end;
  const kept: EntitySpan[] = [];
  for (const list of [first, second]) {
    for (const span of [...list].sort(byStart)) {
      if (span.end <= span.start) continue;
      if (kept.some((k) => k.start < span.end && span.start < k.end)) continue;
      kept.push(span);
    }
  }
  return kept.sort(byStart);
}

function randomSpans(n: number, textLength: number, seed: number): EntitySpan[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
  return Array.from({ length: n }, () => {
    const start = Math.floor(rand() * textLength);
    const end = start + Math.floor(rand() * 12) - 1; // some empty and reversed
    return { type: rand() < 0.5 ? 'PERSON' : 'DATE', start, end, text: '', origin: 'auto' } as EntitySpan;
  });
}

describe('mergeSpans', () => {
  it('keeps spans of the first list over overlapping ones of the second, the earlier then longer within a list', () => {
    const span = (start: number, end: number, type: EntitySpan['type'] = 'PERSON'): EntitySpan => ({ type, start, end, text: '', origin: 'auto' });
    expect(mergeSpans([span(5, 9, 'DATE'), span(0, 3, 'DATE')], [span(2, 6), span(10, 12), span(11, 15), span(9, 10)])).toEqual([
      span(0, 3, 'DATE'),
      span(5, 9, 'DATE'),
      span(9, 10),
      span(10, 12),
    ]);
    expect(mergeSpans([span(0, 4), span(0, 8), span(6, 9)], [])).toEqual([span(0, 8)]);
  });

  it('agrees with the pairwise rule on random spans', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const first = randomSpans(200, 2000, seed);
      const second = randomSpans(400, 2000, seed + 1000);
      expect(mergeSpans(first, second)).toEqual(pairwiseMerge(first, second));
    }
  });

  it('takes time in proportion to the number of spans (a very long article has hundreds of thousands)', () => {
    // Dates and names side by side, none overlapping, as in a long article: every span is kept.
    const spans = (n: number, offset: number, type: EntitySpan['type']) =>
      Array.from({ length: n }, (_, i): EntitySpan => ({ type, start: i * 100 + offset, end: i * 100 + offset + 20, text: '', origin: 'auto' }));
    const time = (n: number, times = 5) => {
      const [dates, names] = [spans(n, 0, 'DATE'), spans(n, 50, 'PERSON')];
      const runs = Array.from({ length: times }, () => {
        const started = performance.now();
        mergeSpans(dates, names);
        return performance.now() - started;
      });
      return runs.sort((a, b) => a - b)[times >> 1];
    };
    time(5_000); // warm up
    const small = Math.max(time(5_000), 2);
    // 10 times the spans; checked pair by pair it took 100 times as long.
    expect(time(50_000, 3)).toBeLessThan(small * 10 * 5);
  });
});
