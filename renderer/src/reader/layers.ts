// The reader's highlight layers. Every kind of highlight — search hits, entities, and the user's own
// annotations (added by the annotations view) — is a RangeLayer; segments.ts flattens them for display.
import { ENTITY_TYPES, type ArticleView, type EntitySpan, type EntityType } from '../../../src/api.js';
import type { RangeLayer } from '../lib/segments.js';

export const HIT_LAYER = 'hit';
export const entityLayerName = (type: EntityType): string => `entity-${type}`;

/** Entities first (underneath), then search hits, then any extra layers (annotations) on top. */
export function readerLayers(
  view: Pick<ArticleView, 'hits' | 'entities'>,
  visibleTypes: Record<EntityType, boolean>,
  extra: readonly RangeLayer[] = [],
): RangeLayer[] {
  const layers: RangeLayer[] = [];
  for (const type of ENTITY_TYPES) {
    if (!visibleTypes[type]) continue;
    layers.push({
      name: entityLayerName(type),
      ranges: view.entities.filter((e) => e.type === type).map((e) => ({ start: e.start, end: e.end, data: e })),
    });
  }
  layers.push({ name: HIT_LAYER, ranges: view.hits.map(([start, end]) => ({ start, end })) });
  layers.push(...extra);
  return layers;
}

export interface EntityGroup {
  type: EntityType;
  names: { text: string; count: number }[];
}

/** The article's entities grouped by type, each name counted, most frequent first. */
export function groupEntities(entities: readonly EntitySpan[]): EntityGroup[] {
  return ENTITY_TYPES.map((type) => {
    const counts = new Map<string, number>();
    for (const e of entities) if (e.type === type) counts.set(e.text, (counts.get(e.text) ?? 0) + 1);
    const names = [...counts.entries()]
      .map(([text, count]) => ({ text, count }))
      .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'ar'));
    return { type, names };
  }).filter((g) => g.names.length > 0);
}
