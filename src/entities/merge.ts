import type { EntitySpan } from '../api.js';

/**
 * One list in text order without overlaps: spans of `first` win over overlapping spans of `second`;
 * within a list, the earlier (then the longer) span wins.
 */
export function mergeSpans(first: EntitySpan[], second: EntitySpan[]): EntitySpan[] {
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
