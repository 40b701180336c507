import type { EntitySpan } from '../api.js';
import { findDates } from '../dates/index.js';
import { tagNames } from './find-entities.js';
import { mergeSpans } from './merge.js';

export { setEntityModelDir } from './load-model.js';

/**
 * People, places, organisations (from the trained tagger) and dates (from findDates), as
 * non-overlapping spans in text order with UTF-16 offsets into `text`. The model loads on the first
 * call (once per process or worker thread).
 */
export function findEntities(text: string): EntitySpan[] {
  const dates = findDates(text).map((d): EntitySpan => ({ ...d, origin: 'auto' }));
  return mergeSpans(dates, tagNames(text));
}
