import { describe, expect, it } from 'vitest';
import type { AnchoredAnnotation } from '../../../src/api.js';
import { entityChange, ownCorrection, rulesFor } from '../../../renderer/src/annotations/entity-edit.js';
import {
  emptyFilter,
  exportFileName,
  groupAnnotations,
  isFiltered,
  parseTags,
  tagCounts,
  toApiFilter,
} from '../../../renderer/src/annotations/filter-state.js';
import { annotationLayers, entityAt, highlightsAt } from '../../../renderer/src/annotations/layers.js';
import { withNoteHits } from '../../../renderer/src/annotations/note-hits.js';
import { segmentClasses, segmentText } from '../../../renderer/src/lib/segments.js';
import { readerLayers } from '../../../renderer/src/reader/layers.js';

const text = 'التقى بوتين في موسكو الرئيس باشينيان';

function ann(over: Partial<AnchoredAnnotation> & { id: string }): AnchoredAnnotation {
  const anchor = over.anchor === undefined ? { start: 6, end: 11 } : over.anchor;
  return {
    articleId: 'a.txt',
    kind: 'highlight',
    quote: { type: 'TextQuoteSelector', exact: anchor ? text.slice(anchor.start, anchor.end) : 'gone', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: anchor?.start ?? 0, end: anchor?.end ?? 4 },
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    ...over,
    anchor,
  };
}

const all = { PERSON: true, LOCATION: true, ORGANIZATION: true, DATE: true };

describe('annotation layer', () => {
  it('paints placed highlights with their colour over entities and hits, on exactly their words', () => {
    const list = [
      ann({ id: 'h1', color: 'green', note: 'n' }),
      ann({ id: 'h2', anchor: { start: 15, end: 20 }, color: 'pink' }),
      ann({ id: 'orphan', anchor: null }),
      ann({ id: 'e1', kind: 'entity', entityType: 'PERSON', anchor: { start: 28, end: 36 } }),
    ];
    const layers = readerLayers(
      { entities: [{ start: 6, end: 11, type: 'PERSON', text: 'بوتين' }], hits: [[15, 20]] },
      all,
      annotationLayers(list, 'h2'),
    );
    const marked = segmentText(text, layers).filter((s) => s.marks.some((m) => m.layer === 'annotation'));
    expect(marked.map((s) => [s.text, segmentClasses(s)])).toEqual([
      ['بوتين', ['entity-PERSON', 'annotation', 'color-green', 'has-note']],
      ['موسكو', ['hit', 'annotation', 'color-pink', 'focused']],
    ]);
  });

  it('finds the highlights and the entity under a clicked offset, innermost first', () => {
    const list = [ann({ id: 'wide', anchor: { start: 0, end: 20 } }), ann({ id: 'narrow' })];
    expect(highlightsAt(list, 7).map((a) => a.id)).toEqual(['narrow', 'wide']);
    expect(highlightsAt(list, 25)).toEqual([]);
    expect(entityAt([{ start: 6, end: 11, type: 'PERSON', text: 'بوتين' }], 10)?.text).toBe('بوتين');
    expect(entityAt([{ start: 6, end: 11, type: 'PERSON', text: 'بوتين' }], 11)).toBeNull();
  });
});

describe('entity corrections from the reader', () => {
  const local = ann({ id: 'own', kind: 'entity', entityType: 'LOCATION', anchor: { start: 6, end: 11 } });
  it('updates the own correction on the same span, otherwise adds one (rules always get their own)', () => {
    expect(entityChange([local], { start: 6, end: 11 }, null, false)).toEqual({ op: 'update', id: 'own', entityType: null, archiveWide: false });
    expect(entityChange([local], { start: 6, end: 11 }, 'PERSON', true)).toEqual({ op: 'add', start: 6, end: 11, entityType: 'PERSON', archiveWide: true });
    expect(entityChange([], { start: 28, end: 36 }, 'PERSON', false).op).toBe('add');
    expect(ownCorrection([local], { start: 8, end: 9 })?.id).toBe('own');
  });

  it('finds the archive-wide rule behind a name, with clitics attached or hamza spelled differently', () => {
    const rule = ann({ id: 'r', kind: 'entity', entityType: 'PERSON', archiveWide: true, anchor: { start: 28, end: 36 } });
    expect(rulesFor([rule], 'باشينيان').map((r) => r.id)).toEqual(['r']);
    expect(rulesFor([rule], 'وباشينيان').map((r) => r.id)).toEqual(['r']);
    expect(rulesFor([rule], 'سباشينيان')).toEqual([]);
  });
});

describe('annotations view state', () => {
  it('turns the form into an API filter, leaving empty fields out', () => {
    expect(toApiFilter(emptyFilter())).toEqual({});
    expect(isFiltered(emptyFilter())).toBe(false);
    expect(toApiFilter({ tag: ' قمة ', color: 'blue', kind: 'entity:PERSON', articleId: '', text: ' سوتشي ' })).toEqual({
      tag: 'قمة',
      color: 'blue',
      kind: 'entity',
      entityType: 'PERSON',
      text: 'سوتشي',
    });
    expect(toApiFilter({ ...emptyFilter(), kind: 'highlight' })).toEqual({ kind: 'highlight' });
  });

  it('reads tags separated by Arabic or Latin commas, without repeats', () => {
    expect(parseTags('قمة، روسيا, #قمة ;  ')).toEqual(['قمة', 'روسيا']);
  });

  it('lists orphans and archive-wide rules apart from the placed annotations', () => {
    const list = [
      ann({ id: 'p', tags: ['x', 'y'] }),
      ann({ id: 'o', anchor: null, tags: ['x'] }),
      ann({ id: 'r', kind: 'entity', entityType: 'PERSON', archiveWide: true }),
    ];
    const g = groupAnnotations(list);
    expect([g.placed, g.orphans, g.rules].map((l) => l.map((a) => a.id))).toEqual([['p'], ['o'], ['r']]);
    expect(tagCounts(list)).toEqual([
      { tag: 'x', count: 2 },
      { tag: 'y', count: 1 },
    ]);
  });

  it('names export files by format and date', () => {
    expect(exportFileName('md', new Date('2026-11-29T20:00:00Z'))).toBe('annotations-2026-11-29.md');
    expect(exportFileName('json', new Date('2026-11-29T20:00:00Z'))).toBe('annotations-2026-11-29.json');
  });
});

describe('note hits in the search results list', () => {
  const hit = (id: string, kind: 'article' | 'annotation' = 'article') => ({ id, title: id, score: 1, snippet: { text: '', highlights: [] }, kind });
  const articles = Array.from({ length: 7 }, (_, i) => hit(`a${i}`));
  // The engine: article hits by offset; note hits appended on the first page only.
  const engine = async (offset: number, limit: number) => ({
    total: articles.length,
    items: [...articles.slice(offset, offset + limit), ...(offset === 0 ? [hit('n1', 'annotation'), hit('n2', 'annotation')] : [])],
  });

  it('lists note hits first and pages through every article hit exactly once', async () => {
    const first = await engine(0, 3);
    const source = withNoteHits('k', first.items, first.total, 3, engine);
    expect(source.total).toBe(9);
    expect(source.notes).toBe(2);
    expect(source.firstPage.map((h) => h.id)).toEqual(['n1', 'n2', 'a0']);
    const ids = [...source.firstPage.map((h) => h.id)];
    for (let offset = 3; offset < source.total; offset += 3) ids.push(...(await source.fetchPage(offset, 3)).items.map((h) => h.id));
    expect(ids).toEqual(['n1', 'n2', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6']);
    // Page 0 fetched again (evicted from the cache): the same rows, no duplicated notes.
    expect((await source.fetchPage(0, 3)).items.map((h) => h.id)).toEqual(['n1', 'n2', 'a0']);
  });

  it('shows note hits when no article matches', async () => {
    const source = withNoteHits('k', [hit('n1', 'annotation')], 0, 100, async () => ({ total: 0, items: [] }));
    expect(source.total).toBe(1);
    expect(source.firstPage.map((h) => h.id)).toEqual(['n1']);
  });
});
