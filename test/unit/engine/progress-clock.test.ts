import { describe, expect, it } from 'vitest';
import { MIN_ELAPSED_MS, ProgressClock } from '../../../src/engine/progress-clock.js';

describe('ProgressClock: time left in an indexing step', () => {
  it('estimates from the pace so far, once the step has run long enough, and starts again with each step', () => {
    let now = 0;
    const clock = new ProgressClock(() => now);
    expect(clock.stamp({ phase: 'indexing', done: 0, total: 100 }).remainingMs).toBeUndefined();
    now = MIN_ELAPSED_MS - 1;
    expect(clock.stamp({ phase: 'indexing', done: 10, total: 100 }).remainingMs).toBeUndefined();
    now = 2000;
    expect(clock.stamp({ phase: 'indexing', done: 20, total: 100 }).remainingMs).toBe(8000);
    now = 4000;
    expect(clock.stamp({ phase: 'indexing', done: 100, total: 100 }).remainingMs).toBeUndefined();
    expect(clock.stamp({ phase: 'saving', done: 0, total: 1 }).remainingMs).toBeUndefined();
    now = 10_000;
    expect(clock.stamp({ phase: 'saving', done: 1, total: 4 }).remainingMs).toBe(18_000);
  });
});
