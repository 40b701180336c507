// The main window's size and position: restored on start only where it is still visible on a screen.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds?: Rect;
  maximized?: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window's title bar must be on a screen for the saved position to be reused. */
const MIN_VISIBLE = 100;

/**
 * The BrowserWindow options for the saved state: its bounds if they intersect a display's work area enough to
 * grab the window, else the default size centred by Electron; sizes are clamped to the minimum and the screen.
 */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  const b = saved?.bounds;
  if (!b || !isFiniteRect(b)) return { ...DEFAULT_SIZE };
  const largest = workAreas.reduce<Rect | undefined>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), undefined);
  const maxW = largest ? largest.width : Number.POSITIVE_INFINITY;
  const maxH = largest ? largest.height : Number.POSITIVE_INFINITY;
  const width = Math.round(Math.min(Math.max(b.width, MIN_SIZE.width), Math.max(maxW, MIN_SIZE.width)));
  const height = Math.round(Math.min(Math.max(b.height, MIN_SIZE.height), Math.max(maxH, MIN_SIZE.height)));
  const titleBar: Rect = { x: b.x, y: b.y, width, height: 40 };
  const visible = workAreas.some((area) => {
    const overlapW = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const overlapH = Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return overlapW >= MIN_VISIBLE && overlapH > 0;
  });
  return visible ? { x: Math.round(b.x), y: Math.round(b.y), width, height } : { width, height };
}

/** What to store when the window closes or moves: the normal (un-maximised) bounds and the maximised flag. */
export function captureState(normalBounds: Rect, maximized: boolean): WindowState {
  return { bounds: { ...normalBounds }, maximized };
}

function isFiniteRect(r: Rect): boolean {
  return [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) && r.width > 0 && r.height > 0;
}
