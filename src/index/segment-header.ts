// What a segment file's header keeps besides the postings: the stored documents and the entity counts.
import type { ArticleMeta, EntityType } from '../api.js';
import type { PackRef } from '../cache/body-pack.js';

/** What a segment file's header keeps for each document (local doc number = position). */
export interface StoredDoc {
  meta: ArticleMeta;
  pack: PackRef;
}

export interface SegmentHeader {
  docs: StoredDoc[];
  /** In how many of the segment's articles each entity name occurs (for the archive's top entities). */
  entityCounts: [EntityType, string, number][];
}
