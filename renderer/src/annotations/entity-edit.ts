// What clicking an entity in the reader can change: the user's own correction at that span (edited in place),
// the archive-wide rule that produced it (removable: the name goes back to automatic), or a new correction.
import type { AnchoredAnnotation, EntityType } from '../../../src/api.js';
import { stripDiacritics } from '../lib/diacritics.js';

/** The article's own entity correction overlapping [start, end), the most recently modified first. */
export function ownCorrection(annotations: readonly AnchoredAnnotation[], span: { start: number; end: number }): AnchoredAnnotation | null {
  const hits = annotations.filter(
    (a) => a.kind === 'entity' && !a.archiveWide && a.anchor && a.anchor.start < span.end && span.start < a.anchor.end,
  );
  hits.sort((a, b) => (a.modified < b.modified ? 1 : -1));
  return hits[0] ?? null;
}

const loose = (s: string): string => stripDiacritics(s).replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').trim();

/**
 * The archive-wide rules that can have produced this entity text: same name, or the name with attached
 * clitics (و، ب، ل، ف، ك، ال) in front.
 */
export function rulesFor(rules: readonly AnchoredAnnotation[], entityText: string): AnchoredAnnotation[] {
  const text = loose(entityText);
  return rules.filter((r) => {
    const name = loose(r.quote.exact);
    if (!name) return false;
    return text === name || (text.endsWith(name) && /^(?:[وفبلك]{0,2}(?:ال)?)$/.test(text.slice(0, text.length - name.length)));
  });
}

export type EntityChange =
  | { op: 'update'; id: string; entityType: EntityType | null; archiveWide: boolean }
  | { op: 'add'; start: number; end: number; entityType: EntityType | null; archiveWide: boolean };

/**
 * How to give [start, end) the type `entityType` (null = not an entity): an own correction on the same span is
 * updated; otherwise a new entity annotation is added (a rule lives on its own annotation, never on a local one).
 */
export function entityChange(
  annotations: readonly AnchoredAnnotation[],
  span: { start: number; end: number },
  entityType: EntityType | null,
  archiveWide: boolean,
): EntityChange {
  const own = ownCorrection(annotations, span);
  if (own && own.anchor!.start === span.start && own.anchor!.end === span.end && !archiveWide) {
    return { op: 'update', id: own.id, entityType, archiveWide: false };
  }
  return { op: 'add', start: span.start, end: span.end, entityType, archiveWide };
}
