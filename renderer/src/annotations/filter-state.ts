// The annotations view's filter form as plain data, and how lists of annotations are grouped for display.
import type { AnchoredAnnotation, AnnotationFilter, EntityType, ExportFormat, HighlightColor } from '../../../src/api.js';

export const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

export interface FilterState {
  tag: string;
  color: HighlightColor | '';
  /** '' any; 'highlight'; 'entity' (any type); or 'entity:TYPE'. */
  kind: '' | 'highlight' | 'entity' | `entity:${EntityType}`;
  articleId: string;
  text: string;
}

export const emptyFilter = (): FilterState => ({ tag: '', color: '', kind: '', articleId: '', text: '' });

/** The API filter for a form state: empty fields are left out. */
export function toApiFilter(state: FilterState): AnnotationFilter {
  const filter: AnnotationFilter = {};
  if (state.tag.trim()) filter.tag = state.tag.trim();
  if (state.color) filter.color = state.color;
  if (state.kind === 'highlight' || state.kind === 'entity') filter.kind = state.kind;
  else if (state.kind.startsWith('entity:')) {
    filter.kind = 'entity';
    filter.entityType = state.kind.slice('entity:'.length) as EntityType;
  }
  if (state.articleId.trim()) filter.articleId = state.articleId.trim();
  if (state.text.trim()) filter.text = state.text.trim();
  return filter;
}

export function isFiltered(state: FilterState): boolean {
  return Object.keys(toApiFilter(state)).length > 0;
}

/** Tags typed as one line: separated by commas (Latin or Arabic), semicolons or new lines; trimmed, no repeats. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,،;؛\n]/)) {
    const tag = raw.trim().replace(/^#/, '');
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export const formatTags = (tags: readonly string[]): string => tags.join('، ');

export interface Grouped {
  /** Annotations placed on their text, in the order given. */
  placed: AnchoredAnnotation[];
  /** Annotations whose text could not be found any more ("could not be placed"): listed, never hidden. */
  orphans: AnchoredAnnotation[];
  /** Archive-wide entity corrections (rules applied to every article naming them). */
  rules: AnchoredAnnotation[];
}

export function groupAnnotations(list: readonly AnchoredAnnotation[]): Grouped {
  const out: Grouped = { placed: [], orphans: [], rules: [] };
  for (const a of list) {
    if (a.kind === 'entity' && a.archiveWide) out.rules.push(a);
    else if (a.anchor === null) out.orphans.push(a);
    else out.placed.push(a);
  }
  return out;
}

/** Every tag used, most used first (then alphabetical), for the tag filter's suggestions. */
export function tagCounts(list: readonly AnchoredAnnotation[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of list) for (const tag of a.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export const EXPORT_TYPES: Record<ExportFormat, { extension: string; mime: string }> = {
  json: { extension: 'json', mime: 'application/ld+json' },
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  damaged: { extension: 'damaged.jsonl', mime: 'text/plain;charset=utf-8' },
};

/** e.g. annotations-2026-11-29.md */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `annotations-${now.toISOString().slice(0, 10)}.${EXPORT_TYPES[format].extension}`;
}
