import type { AnchoredAnnotation } from '../api.js';

/** An annotation as exported: where it is now, plus its article's title when the article is still there. */
export interface ExportItem extends AnchoredAnnotation {
  title?: string;
}
