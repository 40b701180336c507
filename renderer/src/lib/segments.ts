// Turns layered, possibly overlapping ranges over a text into flat, non-overlapping segments, each
// knowing which ranges cover it. Article text is then rendered segment by segment as text nodes.

/** One range of a layer: [start, end) UTF-16 offsets into the text. */
export interface LayerRange {
  start: number;
  end: number;
  /** Extra class names for this range (e.g. 'entity-PERSON', 'color-yellow'). */
  className?: string;
  /** Caller data (an entity, an annotation id…), handed back on every segment it covers. */
  data?: unknown;
}

/**
 * A family of ranges drawn the same way: search hits, entities of one type, the user's annotations.
 * Layers listed later paint on top (their marks come later in a segment's `marks`).
 */
export interface RangeLayer {
  name: string;
  ranges: readonly LayerRange[];
}

export interface SegmentMark {
  layer: string;
  /** Index of the range inside its layer (e.g. the hit number). */
  index: number;
  range: LayerRange;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Ranges covering this whole segment, in layer order then range order. */
  marks: SegmentMark[];
}

interface Event {
  at: number;
  opens: boolean;
  mark: SegmentMark;
  order: number;
}

/**
 * Splits `text[from, to)` at every range boundary. Ranges are clamped to the window (and to the text);
 * empty, inverted or non-finite ranges are ignored. Uncovered stretches come back as segments without marks.
 */
export function segmentText(text: string, layers: readonly RangeLayer[], from = 0, to = text.length): Segment[] {
  const lo = clamp(from, 0, text.length);
  const hi = clamp(to, lo, text.length);
  const events: Event[] = [];
  let order = 0;
  for (const layer of layers) {
    layer.ranges.forEach((range, index) => {
      if (!Number.isFinite(range.start) || !Number.isFinite(range.end)) return;
      const start = clamp(Math.floor(range.start), lo, hi);
      const end = clamp(Math.ceil(range.end), lo, hi);
      if (end <= start) return;
      const mark = { layer: layer.name, index, range };
      events.push({ at: start, opens: true, mark, order }, { at: end, opens: false, mark, order });
      order++;
    });
  }
  events.sort((a, b) => a.at - b.at);

  const segments: Segment[] = [];
  const active = new Map<number, SegmentMark>();
  let cursor = lo;
  let i = 0;
  while (i < events.length) {
    const at = events[i].at;
    if (at > cursor) {
      segments.push(makeSegment(text, cursor, at, active));
      cursor = at;
    }
    while (i < events.length && events[i].at === at) {
      const e = events[i];
      if (e.opens) active.set(e.order, e.mark);
      else active.delete(e.order);
      i++;
    }
  }
  if (cursor < hi) segments.push(makeSegment(text, cursor, hi, active));
  return segments;
}

function makeSegment(text: string, start: number, end: number, active: Map<number, SegmentMark>): Segment {
  const marks = [...active.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
  return { start, end, text: text.slice(start, end), marks };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}

/** The CSS classes of a segment: one per layer ('hit', 'entity-PERSON'…) plus each range's className. */
export function segmentClasses(segment: Segment): string[] {
  const classes = new Set<string>();
  for (const mark of segment.marks) {
    classes.add(mark.layer);
    if (mark.range.className) for (const c of mark.range.className.split(/\s+/)) if (c) classes.add(c);
  }
  return [...classes];
}
