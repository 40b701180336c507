// The time left in the current indexing step, from how fast it has gone so far.
import type { IndexProgress } from '../api.js';

/** No estimate before the step has run this long (its first moments say little about its pace). */
export const MIN_ELAPSED_MS = 1500;

export class ProgressClock {
  private phase: IndexProgress['phase'] | null = null;
  private started = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** `p` with remainingMs when there is enough to go on: part of a known total done, for long enough. */
  stamp(p: IndexProgress): IndexProgress {
    const t = this.now();
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.started = t;
    }
    const elapsed = t - this.started;
    if (p.total <= 0 || p.done <= 0 || p.done >= p.total || elapsed < MIN_ELAPSED_MS) return p;
    return { ...p, remainingMs: Math.round((elapsed * (p.total - p.done)) / p.done) };
  }
}
