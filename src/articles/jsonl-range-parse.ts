// The workers' side of jsonl-ranges.ts: the articles of one range of a large .jsonl file.
import { isUtf8 } from 'node:buffer';
import type { RangeTextFigures } from './jsonl-ranges.js';
import { garbledPairCounts, letterCount } from './mojibake.js';
import { parseJsonLineRange, removeArticleControls, type ParseResult } from './parse-file.js';
import { controlCharCount, removeStrayControls } from './text-checks.js';

/** What one range gave. */
export type RangeParse = { plain: false } | (RangeTextFigures & { plain: true; parsed: ParseResult });

/** Parses the lines in `bytes` (a range of a .jsonl file); `plain: false` when they are not plain UTF-8 text. */
export function parseJsonlRange(bytes: Buffer, relPath: string, firstLine: number): RangeParse {
  if (!isUtf8(bytes)) return { plain: false };
  const text = bytes.toString('utf8');
  const controlChars = controlCharCount(text);
  if (text.includes('\uFFFD')) return { plain: false };
  const garbledPairs = garbledPairCounts(text);
  const letters = garbledPairs.some((n) => n > 0) ? letterCount(text) : 0;
  const parsed = parseJsonLineRange(controlChars ? removeStrayControls(text).text : text, relPath, firstLine);
  const repaired = controlChars + removeArticleControls(parsed.articles);
  if (repaired && parsed.articles.length) parsed.repaired = { controls: repaired, undecodable: 0 };
  return { plain: true, parsed, chars: text.length, controlChars, garbledPairs, letters };
}
