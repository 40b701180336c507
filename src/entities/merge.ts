import type { EntitySpan } from '../api.js';

const byStart = (a: EntitySpan, b: EntitySpan) => a.start - b.start || b.end - a.end;

/** The non-empty spans of `list` without overlaps, in text order: the earlier (then the longer) span wins. */
function withoutOverlaps(list: EntitySpan[], blocked: EntitySpan[] = []): EntitySpan[] {
  const kept: EntitySpan[] = [];
  let b = 0; // the first blocking span that ends after the current span's start (both lists go in text order)
  for (const span of [...list].sort(byStart)) {
    if (span.end <= span.start) continue;
    // Kept spans do not overlap and are in order, so their ends are in order too: only the last one can overlap.
    if (kept.length && kept[kept.length - 1].end > span.start) continue;
    while (b < blocked.length && blocked[b].end <= span.start) b++;
    if (b < blocked.length && blocked[b].start < span.end) continue;
    kept.push(span);
  }
  return kept;
}

/**
 * One list in text order without overlaps: spans of `first` win over overlapping spans of `second`;
 * within a list, the earlier (then the longer) span wins.
 */
export function mergeSpans(first: EntitySpan[], second: EntitySpan[]): EntitySpan[] {
  const kept = withoutOverlaps(first);
  return [...kept, ...withoutOverlaps(second, kept)].sort(byStart);
}
