// The reading positions, kept in localStorage beside the settings (each read and written whole: it is small).
import { parsePositions, POSITIONS_KEY, withPosition, type ReadingPosition } from '../lib/reading-positions.js';

export function savedPosition(id: string): ReadingPosition | undefined {
  try {
    return parsePositions(window.localStorage.getItem(POSITIONS_KEY))[id];
  } catch {
    return undefined;
  }
}

export function savePosition(id: string, offset: number, query: string): void {
  try {
    const positions = parsePositions(window.localStorage.getItem(POSITIONS_KEY));
    window.localStorage.setItem(POSITIONS_KEY, JSON.stringify(withPosition(positions, id, { offset, query: query.trim(), at: Date.now() })));
  } catch {
    // Private mode or full storage: the reader then starts each article at the top or its first hit.
  }
}
