import type { Snippet } from '../api.js';

const WIDTH = 200;
const LEAD = 50;

/** Merges overlapping or touching ranges and sorts them. */
export function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const sorted = [...ranges].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/**
 * About WIDTH characters of `text` around the densest group of `ranges` (or the beginning when there are
 * none), cut at spaces, with '…' where text was cut, newlines shown as spaces, and the ranges that fall in
 * the window re-based onto the snippet text (UTF-16 offsets).
 */
export function makeSnippet(text: string, ranges: readonly [number, number][], width = WIDTH): Snippet {
  const hits = mergeRanges(ranges);
  let anchor = 0;
  if (hits.length) {
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < hits.length; i++) {
      let count = 0;
      for (let j = i; j < hits.length && hits[j][1] <= hits[i][0] + width - LEAD; j++) count++;
      if (count > bestCount) {
        best = i;
        bestCount = count;
      }
    }
    anchor = hits[best][0];
  }
  let start = Math.max(0, anchor - LEAD);
  if (start > 0) {
    const space = text.slice(start, anchor).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(text.length, start + width);
  if (end < text.length) {
    let k = end;
    while (k > start && !isSpace(text[k])) k--;
    if (k > anchor) end = k;
  }
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  // Runs of whitespace (paragraph breaks) become one space; `at` maps text offsets to snippet offsets.
  let body = '';
  const at = new Int32Array(end - start + 1);
  for (let i = start; i < end; i++) {
    at[i - start] = head.length + body.length;
    const space = isSpace(text[i]);
    if (!space) body += text[i];
    else if (!isSpace(text[i - 1]) || i === start) body += ' ';
  }
  at[end - start] = head.length + body.length;
  const highlights: [number, number][] = [];
  for (const [s, e] of hits) {
    if (e <= start || s >= end) continue;
    highlights.push([at[Math.max(s, start) - start], at[Math.min(e, end) - start]]);
  }
  return { text: head + body + tail, highlights };
}
