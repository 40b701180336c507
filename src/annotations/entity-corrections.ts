import type { Annotation, EntitySpan, EntityType, Span } from '../api.js';
import { findDates } from '../dates/find-dates.js';

/** One place in the article where the user's word overrides the tagger: a type, or null to hide the entity. */
export interface Correction extends Span {
  type: EntityType | null;
  /** Corrections made on this article beat archive-wide rules taught elsewhere. */
  own: boolean;
  modified: string;
}

/**
 * The entities to show: automatic ones that no correction touches, plus the user's (origin 'user'). Corrections are
 * taken greedily — own before archive-wide, longer before shorter, newer before older — and one that overlaps an
 * already taken correction is dropped.
 */
export function applyCorrections(text: string, automatic: EntitySpan[], corrections: Correction[]): EntitySpan[] {
  const ordered = [...corrections].sort(
    (a, b) =>
      Number(b.own) - Number(a.own) ||
      b.end - b.start - (a.end - a.start) ||
      (b.modified < a.modified ? -1 : b.modified > a.modified ? 1 : 0),
  );
  const taken: Correction[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) continue;
    if (!taken.some((t) => overlaps(t, c))) taken.push(c);
  }
  const kept = automatic.filter((e) => !taken.some((t) => overlaps(t, e)));
  const user: EntitySpan[] = taken
    .filter((t) => t.type !== null)
    .map((t) => {
      const span: EntitySpan = { start: t.start, end: t.end, type: t.type as EntityType, text: text.slice(t.start, t.end), origin: 'user' };
      const value = t.type === 'DATE' ? dateValue(span.text) : undefined;
      return value ? { ...span, value } : span;
    });
  return [...kept.map((e) => (e.origin ? e : { ...e, origin: 'auto' as const })), ...user].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
}

/** The ISO value of a date the user marked, when the date reader finds one date spanning the whole selection. */
function dateValue(selected: string): string | undefined {
  const trimmed = selected.trim();
  const [only, ...more] = findDates(trimmed);
  if (!only || more.length > 0 || only.start > 0 || only.end < trimmed.length) return undefined;
  return only.value;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Entity annotations that apply to every article containing their name. */
export function archiveWideRules(annotations: Iterable<Annotation>): Annotation[] {
  return [...annotations].filter((a) => a.kind === 'entity' && a.archiveWide === true);
}
