import type { Annotation, AnnotationFilter } from '../api.js';

/** The filter's conditions except `text` (note search needs the analyzer; see app.ts). */
export function matchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  if (filter.articleId !== undefined && a.articleId !== filter.articleId) return false;
  if (filter.kind !== undefined && a.kind !== filter.kind) return false;
  if (filter.color !== undefined && a.color !== filter.color) return false;
  if (filter.entityType !== undefined && a.entityType !== filter.entityType) return false;
  if (filter.tag !== undefined) {
    const wanted = normalizeTag(filter.tag);
    if (!a.tags.some((t) => normalizeTag(t) === wanted)) return false;
  }
  return true;
}

/** Tags compare without surrounding spaces, a leading '#', or letter case. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').trim().toLocaleLowerCase();
}

/** Trimmed, without empties and duplicates (first spelling kept). */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags ?? []) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = normalizeTag(tag);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
