import { describe, expect, it } from 'vitest';
import { visibleRows, type FacetRow } from '../../../renderer/src/lib/facet-group.js';

const row = (label: string, checked = false): FacetRow => ({ value: `LOCATION:${label}`, label, count: 1, checked });

describe('visibleRows: what a facet group shows', () => {
  const rows = [row('تونس'), row('الجزائر'), row('مصر'), row('إيران', true), row('الأمم المتحدة')];

  it('the first rows, and a ticked row even beyond them', () => {
    expect(visibleRows(rows, 2, '').map((r) => r.label)).toEqual(['تونس', 'الجزائر', 'إيران']);
  });

  it('every row containing the typed text, hamza and ة/ه ignored; ticked rows stay', () => {
    expect(visibleRows(rows, 2, 'الامم المتحده').map((r) => r.label)).toEqual(['إيران', 'الأمم المتحدة']);
    expect(visibleRows(rows, 2, 'ايران').map((r) => r.label)).toEqual(['إيران']);
    expect(visibleRows(rows, 2, 'مص').map((r) => r.label)).toEqual(['مصر', 'إيران']);
  });
});
