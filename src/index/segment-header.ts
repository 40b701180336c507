// What a segment file's header keeps besides the postings: the stored documents and their names.
import type { ArticleMeta } from '../api.js';
import type { PackRef } from '../cache/body-pack.js';
import type { SegmentNames } from './archive-names.js';

/** What a segment file's header keeps for each document (local doc number = position). */
export interface StoredDoc {
  meta: ArticleMeta;
  pack: PackRef;
}

/** The names of the segment's articles (their text and title), for name facets and filters: see SegmentNames. */
export interface SegmentHeader extends SegmentNames {
  docs: StoredDoc[];
}
