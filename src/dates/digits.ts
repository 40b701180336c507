/** Regex class for one decimal digit in Western, Arabic-Indic or Eastern Arabic-Indic (Persian) script. */
export const DIGIT = '[0-9\u0660-\u0669\u06F0-\u06F9]';

/** Replaces Arabic-Indic and Eastern Arabic-Indic digits with ASCII digits (same length, so offsets survive). */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
  });
}

export function toNumber(digits: string): number {
  return Number(toAsciiDigits(digits));
}
