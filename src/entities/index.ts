import type { EntitySpan } from '../api.js';

/**
 * People, places, organisations and dates in `text`, as non-overlapping spans in text order with UTF-16
 * offsets into `text`. First version: the signature the indexer calls; the trained tagger lands next.
 */
export function findEntities(text: string): EntitySpan[] {
  void text;
  return [];
}
