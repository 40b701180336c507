// The tagger's label set: BIO over the three name types plus MISC, which absorbs the training data's
// other classes (facilities, products, vehicles…) so they are not learned as ordinary words.

export const LABELS = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type Label = (typeof LABELS)[number];

/** Tag index 0 is O; 1 + 2·k is B-LABELS[k], 2 + 2·k is I-LABELS[k]. */
export const TAGS: readonly string[] = ['O', ...LABELS.flatMap((l) => [`B-${l}`, `I-${l}`])];
export const NUM_TAGS = TAGS.length;

export function labelOf(tag: number): Label | null {
  return tag === 0 ? null : LABELS[(tag - 1) >> 1];
}

export function isInside(tag: number): boolean {
  return tag > 0 && (tag & 1) === 0;
}

/** BIO constraint: I-X only continues B-X or I-X. `prev` is -1 at the start of a sentence. */
export function allowed(prev: number, tag: number): boolean {
  if (!isInside(tag)) return true;
  return prev === tag || prev === tag - 1;
}
