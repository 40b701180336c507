// A large .jsonl file read as ranges of whole lines, so that several workers parse it at once and none of them
// holds the whole file. A range is parsed only when its bytes are plain UTF-8 text. What decodeText decides for a
// whole file (too many control characters, text garbled before it was saved) is summed over the ranges by
// `rangesReadAsText`; a file that is not plainly text is read whole instead, where those cases are handled.
// (The workers' side, parsing one range, is jsonl-range-parse.ts.)
import { open } from 'node:fs/promises';
import { looksGarbled } from './mojibake.js';
import { tooManyControlChars } from './text-checks.js';

export interface LineRange {
  /** Byte offsets [start, end) in the file; `end` is just after a newline, or the end of the file. */
  start: number;
  end: number;
  /** Line number (1-based) of the range's first line. */
  firstLine: number;
}

const READ_CHUNK = 1 << 20;

/**
 * Cuts the file into ranges of whole lines of about `rangeBytes` each, reading it in chunks. Null for a UTF-16
 * file (its newline bytes are not line ends): such a file is read whole.
 */
export async function splitIntoLineRanges(absPath: string | Buffer, rangeBytes: number): Promise<LineRange[] | null> {
  const file = await open(absPath, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    const ranges: LineRange[] = [];
    let pos = 0;
    let lines = 0;
    let range = { start: 0, firstLine: 1 };
    for (;;) {
      const { bytesRead } = await file.read(buf, 0, READ_CHUNK, pos);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      if (pos === 0) {
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) return null;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) range.start = 3;
      }
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) {
        lines++;
        const end = pos + nl + 1;
        if (end - range.start >= rangeBytes) {
          ranges.push({ ...range, end });
          range = { start: end, firstLine: lines + 1 };
        }
      }
      pos += bytesRead;
    }
    if (pos > range.start) ranges.push({ ...range, end: pos });
    return ranges;
  } finally {
    await file.close();
  }
}

/**
 * What `rangesReadAsText` needs to know of each range to judge the whole file. Letters are counted only in a
 * range that holds garbled pairs (counting is slow, and most ranges have none).
 */
export type RangeTextFigures =
  | { plain: false }
  | { plain: true; chars: number; controlChars: number; garbledPairs: number[]; letters: number };

/**
 * Whether the ranges, together, are text that decodeText takes as it is; if not, the file is read whole. The letters
 * counted are a part of the file's letters, so a share of garbled pairs below the limit here is below it for the whole
 * file; at or above it, the whole file decides.
 */
export function rangesReadAsText(ranges: readonly RangeTextFigures[]): boolean {
  let chars = 0;
  let control = 0;
  let letters = 0;
  const pairs: number[] = [];
  for (const r of ranges) {
    if (!r.plain) return false;
    chars += r.chars;
    control += r.controlChars;
    letters += r.letters;
    r.garbledPairs.forEach((n, i) => (pairs[i] = (pairs[i] ?? 0) + n));
  }
  return !tooManyControlChars(control, chars) && !pairs.some((n) => looksGarbled(n, letters));
}
