// Maps a DOM selection inside the reader's text to UTF-16 offsets into ArticleView.text. Every rendered
// segment is a <span data-start data-end>; when diacritics are hidden its text node shows the segment's
// original text stripped, so a DOM offset is mapped back with sourceOffset().
import { sourceOffset } from '../lib/diacritics.js';

// The few DOM members used, declared structurally so this module also typechecks (and is tested) without the DOM lib.
interface DomNode {
  nodeType: number;
  parentNode: DomNode | null;
  childNodes: { length: number };
}
interface DomElement extends DomNode {
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  contains(other: DomNode | null): boolean;
  querySelectorAll(selector: string): Iterable<DomElement>;
  ownerDocument: { createRange(): DomPointRange };
}
interface DomPointRange {
  setStart(node: DomNode, offset: number): void;
  comparePoint(node: DomNode, offset: number): number;
}
export interface DomRange {
  collapsed: boolean;
  commonAncestorContainer: DomNode;
  startContainer: DomNode;
  startOffset: number;
  endContainer: DomNode;
  endOffset: number;
}

export interface TextRange {
  start: number;
  end: number;
}

/** The offset into the article text of `domOffset` inside a segment [segStart, segEnd) as displayed. */
export function segmentPointOffset(
  articleText: string,
  segStart: number,
  segEnd: number,
  domOffset: number,
  diacriticsHidden: boolean,
): number {
  const original = articleText.slice(segStart, segEnd);
  const inside = diacriticsHidden ? sourceOffset(original, domOffset) : Math.min(domOffset, original.length);
  return segStart + Math.max(0, inside);
}

function segmentOf(node: DomNode | null, root: DomElement): DomElement | null {
  let el: DomNode | null = node;
  while (el && el !== root) {
    if (el.nodeType === 1 && (el as DomElement).hasAttribute('data-end')) return el as DomElement;
    el = el.parentNode;
  }
  return null;
}

const bound = (el: DomElement, name: 'data-start' | 'data-end'): number => Number(el.getAttribute(name));

/**
 * Offset of one boundary point (container, offset) of a Range inside `root`. A point between elements
 * takes the start of the next segment (for a range start) or the end of the previous one (for a range end).
 */
export function pointToOffset(
  root: DomElement,
  container: DomNode,
  offset: number,
  side: 'start' | 'end',
  articleText: string,
  diacriticsHidden: boolean,
): number | null {
  const seg = segmentOf(container, root);
  if (seg && container.nodeType === 3) {
    return segmentPointOffset(articleText, bound(seg, 'data-start'), bound(seg, 'data-end'), offset, diacriticsHidden);
  }
  if (seg) return offset === 0 ? bound(seg, 'data-start') : bound(seg, 'data-end');
  const doc = root.ownerDocument;
  const point = doc.createRange();
  point.setStart(container, offset);
  const segments = [...root.querySelectorAll('[data-end]')];
  if (side === 'start') {
    for (const s of segments) if (point.comparePoint(s, 0) >= 0) return bound(s, 'data-start');
    return null;
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    if (point.comparePoint(segments[i], segments[i].childNodes.length) <= 0) return bound(segments[i], 'data-end');
  }
  return null;
}

/** A selection Range inside `root` as article offsets, or null when it is empty or outside the text. */
export function rangeToOffsets(root: DomElement, range: DomRange, articleText: string, diacriticsHidden: boolean): TextRange | null {
  if (range.collapsed) return null;
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  const start = pointToOffset(root, range.startContainer, range.startOffset, 'start', articleText, diacriticsHidden);
  const end = pointToOffset(root, range.endContainer, range.endOffset, 'end', articleText, diacriticsHidden);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

// Whitespace, punctuation (Arabic ، ؛ ؟ included), tatweel and symbols that never belong to a name's edges.
const EDGE = /[\s\p{P}\p{S}\u0640\u200c-\u200f\u061c]/u;
const MARK = /\p{M}/u;

/**
 * Trims spaces and punctuation off both edges of a selection (e.g. "وباشينيان،" → "وباشينيان"), and moves
 * the end past any combining marks (diacritics) of the last letter so they are not cut off.
 */
export function trimSelection(text: string, start: number, end: number): TextRange | null {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  // A start inside a letter's marks belongs after them.
  while (s < e && MARK.test(text[s])) s++;
  while (e < text.length && e > s && MARK.test(text[e])) e++;
  while (s < e && EDGE.test(text[s])) s++;
  while (e > s && EDGE.test(text[e - 1])) e--;
  return e > s ? { start: s, end: e } : null;
}
