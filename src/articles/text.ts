/** LF line ends, no trailing spaces, at most one blank line between paragraphs, trimmed. */
export function normaliseBody(text: string): string {
  // trimEnd per line, not /\s+$/gm: that regex is quadratic on long runs of spaces inside a line.
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Collapses whitespace inside a one-line field (title, source…). */
export function cleanLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const TITLE_WORDS = 12;

/** A title made of the first words of a text that has none. */
export function titleFromText(text: string): string {
  const words = cleanLine(text).split(' ');
  if (words.length <= TITLE_WORDS) return words.join(' ');
  return words.slice(0, TITLE_WORDS).join(' ') + '…';
}

export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
