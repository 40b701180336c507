import type { AnchoredAnnotation } from '../api.js';

/** An annotation as exported: where it is now, and its article's title when the article is still there. */
export type ExportItem = AnchoredAnnotation;
