// Checks that decide whether decoded bytes are text, kept apart from the decoders so that code which only
// weighs the figures (the indexer's main thread) does not load them. Scraped articles often carry a few stray
// control characters (U+001A after a date line, NUL padding): text is judged by their share, not their presence,
// and they are taken out of the text as a repair the index report counts.

import type { FailureReason } from './failure-reason.js';

export const EMPTY: FailureReason = { code: 'empty-file' };

/**
 * Share of the characters that may be NULs, other control characters or U+FFFD (bytes that could not be decoded)
 * in text; above it the bytes are binary. Random or compressed bytes give over 10%; the worst scraped article seen
 * had 1.2% (26 U+001A in 2,200 characters).
 */
const MAX_BAD_CHAR_RATIO = 0.05;

/** A control character other than tab, newline, carriage return and form feed (NUL included). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const STRAY_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]+/g;

function isStrayControl(c: number): boolean {
  return (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f);
}

/** Control characters in the text (other than tab, newline, carriage return, form feed), NULs included. */
export function controlCharCount(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) if (isStrayControl(text.charCodeAt(i))) control++;
  return control;
}

/** U+FFFD characters in the text: bytes a decoder could not read. */
export function replacementCharCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Whether `bad` NULs, control or replacement characters in a text of `length` characters make it binary. */
export function tooManyControlChars(bad: number, length: number): boolean {
  return bad > Math.max(1, length * MAX_BAD_CHAR_RATIO);
}

/**
 * The text without its stray control characters: a run of them becomes one space between two words, nothing
 * next to other white space or at either end. `removed` counts the characters taken out.
 */
export function removeStrayControls(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(STRAY_CONTROLS, (run: string, at: number) => {
    removed += run.length;
    const before = text[at - 1];
    const after = text[at + run.length];
    return before === undefined || after === undefined || /\s/.test(before) || /\s/.test(after) ? '' : ' ';
  });
  return { text: cleaned, removed };
}

/** The warning an article indexed after such repairs gets in the index report. */
export function repairWarning(removedControls: number, undecodable: number): FailureReason {
  return { code: 'text-repaired', params: { controls: removedControls, undecodable } };
}
