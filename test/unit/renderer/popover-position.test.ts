import { describe, expect, it } from 'vitest';
import { placePopover, type Box } from '../../../renderer/src/lib/popover-position.js';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });

function expectInside(p: { left: number; top: number; maxHeight: number }, size: { width: number; height: number }, vp: { width: number; height: number }) {
  const height = Math.min(size.height, p.maxHeight);
  expect(p.left).toBeGreaterThanOrEqual(0);
  expect(p.top).toBeGreaterThanOrEqual(0);
  expect(p.left + Math.min(size.width, vp.width - 16)).toBeLessThanOrEqual(vp.width);
  expect(p.top + height).toBeLessThanOrEqual(vp.height);
}

describe('placePopover', () => {
  it('keeps the query help inside a 900 px window when its start edge would push it out (the reviewed defect)', () => {
    // The "?" button of a right-to-left page at 900×700; the help is 660 px wide.
    const vp = { width: 900, height: 700 };
    const size = { width: 660, height: 500 };
    const p = placePopover(box(459, 12, 30, 30), size, vp, { align: 'start', dir: 'rtl' });
    expectInside(p, size, vp);
    expect(p.top).toBe(48);
  });

  it('lines up with the anchor when there is room, in either direction', () => {
    const vp = { width: 1400, height: 900 };
    expect(placePopover(box(600, 10, 30, 30), { width: 400, height: 300 }, vp, { align: 'start', dir: 'rtl' }).left).toBe(230);
    expect(placePopover(box(600, 10, 30, 30), { width: 400, height: 300 }, vp, { align: 'start', dir: 'ltr' }).left).toBe(600);
    expect(placePopover(box(600, 10, 30, 30), { width: 400, height: 300 }, vp, { align: 'center', dir: 'ltr' }).left).toBe(415);
  });

  it('goes above the anchor when there is no room below, and scrolls inside when there is room nowhere', () => {
    const vp = { width: 800, height: 600 };
    const above = placePopover(box(100, 500, 50, 20), { width: 320, height: 300 }, vp, { align: 'center', dir: 'ltr' });
    expect(above.top).toBe(500 - 6 - 300);
    const tall = { width: 320, height: 900 };
    const squeezed = placePopover(box(100, 200, 50, 20), tall, vp, { align: 'center', dir: 'ltr' });
    expectInside(squeezed, tall, vp);
    expect(squeezed.maxHeight).toBeLessThan(600);
  });

  it('is never wider than the window, at any size', () => {
    for (const width of [320, 500, 800, 900, 1400]) {
      for (const x of [0, width / 2, width - 10]) {
        const vp = { width, height: 600 };
        const size = { width: 704, height: 400 };
        expectInside(placePopover(box(x, 10, 10, 20), size, vp, { align: 'start', dir: 'rtl' }), size, vp);
        expectInside(placePopover(box(x, 10, 10, 20), size, vp, { align: 'center', dir: 'ltr' }), size, vp);
      }
    }
  });
});
