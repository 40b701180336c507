// The user's highlights as a reader RangeLayer, and finding what the user clicked.
import type { AnchoredAnnotation, EntitySpan } from '../../../src/api.js';
import type { RangeLayer } from '../lib/segments.js';

export const ANNOTATION_LAYER = 'annotation';

/**
 * Highlights (kind 'highlight') placed on the text, one range each with its colour class; entity corrections
 * show through the article's entities instead, orphans nowhere. The focused one gets 'focused'.
 */
export function annotationLayers(annotations: readonly AnchoredAnnotation[], focusedId: string | null = null): RangeLayer[] {
  const ranges = annotations
    .filter((a) => a.kind === 'highlight' && a.anchor !== null)
    .map((a) => ({
      start: a.anchor!.start,
      end: a.anchor!.end,
      className: ['color-' + (a.color ?? 'yellow'), a.note ? 'has-note' : '', a.id === focusedId ? 'focused' : ''].filter(Boolean).join(' '),
      data: a.id,
    }));
  return [{ name: ANNOTATION_LAYER, ranges }];
}

/** Highlights covering an offset, innermost (shortest) first. */
export function highlightsAt(annotations: readonly AnchoredAnnotation[], offset: number): AnchoredAnnotation[] {
  return annotations
    .filter((a) => a.kind === 'highlight' && a.anchor && a.anchor.start <= offset && offset < a.anchor.end)
    .sort((a, b) => a.anchor!.end - a.anchor!.start - (b.anchor!.end - b.anchor!.start));
}

/** The entity shown at an offset (the shortest when several overlap). */
export function entityAt(entities: readonly EntitySpan[], offset: number): EntitySpan | null {
  let best: EntitySpan | null = null;
  for (const e of entities) {
    if (e.start <= offset && offset < e.end && (!best || e.end - e.start < best.end - best.start)) best = e;
  }
  return best;
}

/** The entity exactly covering [start, end), if any. */
export function entityExactly(entities: readonly EntitySpan[], start: number, end: number): EntitySpan | null {
  return entities.find((e) => e.start === start && e.end === end) ?? null;
}
