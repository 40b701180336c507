// What a facet group shows: its first rows (ticked ones always), more on request, and the rows whose name
// contains what was typed in the group's filter box (diacritics, hamza forms and ى/ي, ة/ه ignored).
import { stripDiacritics } from './diacritics.js';

export interface FacetRow {
  /** What a tick sends in the filters (a source, a year, 'TYPE:name'). */
  value: string;
  label: string;
  count: number;
  checked: boolean;
}

/** Rows shown before "show more"; a group longer than FILTER_BOX_AFTER rows gets a filter box. */
export const FIRST_ROWS = 8;
export const MORE_ROWS = 30;
export const FILTER_BOX_AFTER = 12;

function fold(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/\u0640/g, '');
}

/** The rows to show: matching the typed text (all of them), else the first `limit`, ticked rows kept in view. */
export function visibleRows(rows: readonly FacetRow[], limit: number, typed: string): FacetRow[] {
  const wanted = fold(typed.trim());
  if (wanted) return rows.filter((r) => r.checked || fold(r.label).includes(wanted));
  return rows.filter((r, i) => i < limit || r.checked);
}
