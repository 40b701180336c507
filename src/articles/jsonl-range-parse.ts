// The workers' side of jsonl-ranges.ts: the articles of one range of a large .jsonl file.
import { isUtf8 } from 'node:buffer';
import type { RangeTextFigures } from './jsonl-ranges.js';
import { garbledPairCounts, letterCount } from './mojibake.js';
import { parseJsonLineRange, type ParseResult } from './parse-file.js';
import { controlCharCount } from './text-checks.js';

/** What one range gave. */
export type RangeParse = { plain: false } | (RangeTextFigures & { plain: true; parsed: ParseResult });

/** Parses the lines in `bytes` (a range of a .jsonl file); `plain: false` when they are not plain UTF-8 text. */
export function parseJsonlRange(bytes: Buffer, relPath: string, firstLine: number): RangeParse {
  if (!isUtf8(bytes)) return { plain: false };
  const text = bytes.toString('utf8');
  const controlChars = controlCharCount(text);
  if (controlChars < 0 || text.includes('\uFFFD')) return { plain: false };
  const garbledPairs = garbledPairCounts(text);
  const letters = garbledPairs.some((n) => n > 0) ? letterCount(text) : 0;
  return { plain: true, parsed: parseJsonLineRange(text, relPath, firstLine), chars: text.length, controlChars, garbledPairs, letters };
}
