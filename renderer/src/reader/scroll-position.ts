// The reader's place in the text, read from and applied to the page: the character at the top of the
// visible text (under the sticky toolbar), as an offset into the article text.
import { isDiacritic, sourceOffset } from '../lib/diacritics.js';

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(x: number, y: number): Caret | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** The text offset of the first line visible below `top` (viewport y), or null when no text is there. */
export function offsetAtTop(body: HTMLElement, top: number, text: string, hideDiacritics: boolean): number | null {
  const box = body.getBoundingClientRect();
  const xs = [box.left + box.width / 2, box.right - 4, box.left + 4];
  for (let y = Math.max(top, box.top) + 4; y < Math.min(box.bottom, top + 400); y += 6) {
    for (const x of xs) {
      const caret = caretAt(x, y);
      const segment = caret?.node.parentElement?.closest<HTMLElement>('[data-start]');
      if (!caret || caret.node.nodeType !== Node.TEXT_NODE || !segment || !body.contains(segment)) continue;
      const start = Number(segment.dataset.start);
      const end = Number(segment.dataset.end);
      const original = text.slice(start, end);
      return start + (hideDiacritics ? sourceOffset(original, caret.offset) : Math.min(caret.offset, original.length));
    }
  }
  return null;
}

/** Scrolls `scroller` so that the line holding `offset` is the first one under `top` (px from the scroller's top). */
export function scrollToOffset(scroller: HTMLElement, body: HTMLElement, offset: number, text: string, hideDiacritics: boolean, top: number): boolean {
  let segment: HTMLElement | null = null;
  for (const el of body.querySelectorAll<HTMLElement>('span[data-start]')) {
    if (Number(el.dataset.start) > offset) break;
    segment = el;
  }
  const node = segment?.firstChild;
  if (!segment || !node || node.nodeType !== Node.TEXT_NODE) return false;
  const start = Number(segment.dataset.start);
  const before = text.slice(start, Math.min(offset, Number(segment.dataset.end)));
  const shown = hideDiacritics ? [...before].filter((c) => !isDiacritic(c)).length : before.length;
  const range = document.createRange();
  const at = Math.min(shown, (node.textContent ?? '').length);
  range.setStart(node, at);
  range.setEnd(node, Math.min(at + 1, (node.textContent ?? '').length));
  const rect = range.getClientRects()[0] ?? segment.getBoundingClientRect();
  scroller.scrollTop += rect.top - scroller.getBoundingClientRect().top - top;
  return true;
}
