// Checks that decide whether decoded bytes are text, kept apart from the decoders so that code which only
// weighs the figures (the indexer's main thread) does not load them.

export const EMPTY = 'empty file';

/** Share of control characters (other than tab, newline, carriage return, form feed) tolerated in text. */
const MAX_CONTROL_RATIO = 0.002;

/** Control characters in the text (other than tab, newline, carriage return, form feed); -1 if it holds a NUL. */
export function controlCharCount(text: string): number {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return -1;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) control++;
  }
  return control;
}

/** Whether `control` control characters in a text of `length` characters make it binary rather than text. */
export function tooManyControlChars(control: number, length: number): boolean {
  return control > Math.max(1, length * MAX_CONTROL_RATIO);
}
