// Where the reader was in each article: the text offset at the top of the page (it survives a change of font
// size or window width, unlike a scroll height) and the query it was read with. Kept for the most recently
// read articles only, and read back defensively like the settings.

export interface ReadingPosition {
  /** UTF-16 offset into the article text of the first line on screen. */
  offset: number;
  /** The search the article was read with ('' from the library). */
  query: string;
  /** When it was last read (ms since the epoch): the oldest are forgotten first. */
  at: number;
}

export type ReadingPositions = Record<string, ReadingPosition>;

export const POSITIONS_KEY = 'archive-reader.positions.v1';
export const MAX_POSITIONS = 500;

export function parsePositions(raw: string | null): ReadingPositions {
  let stored: unknown;
  try {
    stored = raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const positions: ReadingPositions = {};
  for (const [id, value] of Object.entries(stored as Record<string, unknown>)) {
    const p = value as Partial<ReadingPosition> | null;
    if (!p || typeof p !== 'object') continue;
    if (!Number.isSafeInteger(p.offset) || (p.offset as number) < 0 || typeof p.at !== 'number' || !Number.isFinite(p.at)) continue;
    positions[id] = { offset: p.offset as number, query: typeof p.query === 'string' ? p.query.slice(0, 2000) : '', at: p.at };
  }
  return positions;
}

/** The positions with this article's updated (a new object), the least recently read dropped beyond `max`. */
export function withPosition(positions: ReadingPositions, id: string, position: ReadingPosition, max = MAX_POSITIONS): ReadingPositions {
  const next: ReadingPositions = { ...positions, [id]: position };
  const ids = Object.keys(next);
  if (ids.length <= max) return next;
  ids.sort((a, b) => next[b].at - next[a].at);
  return Object.fromEntries(ids.slice(0, max).map((k) => [k, next[k]]));
}

/**
 * Where to take the reader when an article opens: back to where it was read with the same search; to the first
 * hit of a new search; back to where it was otherwise; else the top.
 */
export function startingPoint(saved: ReadingPosition | undefined, query: string, hitCount: number): { offset: number } | 'first-hit' | 'top' {
  const q = query.trim();
  if (saved && saved.query.trim() === q) return { offset: saved.offset };
  if (hitCount > 0) return 'first-hit';
  return saved ? { offset: saved.offset } : 'top';
}
