// Where a popover goes so that all of it is on screen: beside its anchor (below, else above, else on the side
// with more room, scrolling inside), never past the window's edges, whatever the window's size.

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** The popover scrolls inside this height when its content is taller. */
  maxHeight: number;
}

export interface PlaceOptions {
  /** Which edge of the anchor the popover lines up with: its start edge (in `dir`) or its centre. */
  align: 'start' | 'center';
  dir: 'rtl' | 'ltr';
  /** Space kept free along the window's edges. */
  margin?: number;
  /** Space between the anchor and the popover. */
  gap?: number;
}

export function placePopover(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  { align, dir, margin = 8, gap = 6 }: PlaceOptions,
): Placement {
  const width = Math.min(size.width, viewport.width - 2 * margin);
  const wanted =
    align === 'center' ? (anchor.left + anchor.right) / 2 - width / 2 : dir === 'rtl' ? anchor.right - width : anchor.left;
  const left = Math.max(margin, Math.min(viewport.width - margin - width, wanted));

  const below = viewport.height - margin - (anchor.bottom + gap);
  const above = anchor.top - gap - margin;
  if (size.height <= below) return { left, top: anchor.bottom + gap, maxHeight: below };
  if (size.height <= above) return { left, top: anchor.top - gap - size.height, maxHeight: above };
  // Fits on neither side: the roomier side, scrolling; if even that is tiny, the whole window.
  if (Math.max(below, above) < 120) return { left, top: margin, maxHeight: viewport.height - 2 * margin };
  return below >= above
    ? { left, top: anchor.bottom + gap, maxHeight: below }
    : { left, top: margin, maxHeight: above };
}
