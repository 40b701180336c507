import { describe, expect, it } from 'vitest';
import { termOf } from '../../../src/analysis/index.js';
import { APART_PAIRS, MEET_GROUPS } from '../../../scripts/analysis-eval-data.js';

// Regression guard over the development evaluation set (scripts/eval-analysis.ts reports the figures; the held-out
// set is measured there, not asserted here).
describe('development evaluation set', () => {
  it.each(MEET_GROUPS.filter((g) => !g.heldOut).map((g) => [g.label, g.words] as const))('%s: all forms meet', (_label, words) => {
    const terms = words.map((w) => `${w} → ${termOf(w)}`);
    const first = termOf(words[0]);
    expect(first).not.toBe('');
    expect(terms).toEqual(words.map((w) => `${w} → ${first}`));
  });

  it.each(APART_PAIRS.filter((p) => !p.hard && !p.heldOut).map((p) => [p.a, p.b] as const))('%s and %s stay apart', (a, b) => {
    expect(termOf(a)).not.toBe(termOf(b));
  });
});
