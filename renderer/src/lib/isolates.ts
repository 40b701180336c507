// Bidi isolation inside interface strings. A message worded in Arabic may hold query syntax (`title:قمة`), which
// reads left to right, and the user's own text (a path, a word typed), which has its own direction. Wordings wrap
// them in Unicode isolates; MessageText renders each isolated run as its own <bdi>, so both read correctly in any
// interface direction (and the Arabic-UI test can tell them from interface words).

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * Whether query text reads left to right: when it uses field syntax (`title:…`, `after:…`) or starts with a Latin
 * letter. Operators on Arabic words (`+موسكو`, `اقتصا*`) read right to left with their word, as typed.
 */
export function isLeftToRightSyntax(text: string): boolean {
  const firstStrong = /[A-Za-z\u00C0-\u024F\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.exec(text)?.[0];
  return /(^|[\s+-])[A-Za-z]+:/.test(text) || (firstStrong !== undefined && /[A-Za-z\u00C0-\u024F]/.test(firstStrong));
}

/** Query syntax or a technical name, isolated: left to right (see isLeftToRightSyntax), else in its own direction. */
export const syntaxRun = (text: string): string => `${isLeftToRightSyntax(text) ? LRI : FSI}${text}${PDI}`;
/** The user's own text: its own direction (first strong letter), isolated. */
export const userRun = (text: string): string => `${FSI}${text}${PDI}`;

/** 'ltr': left-to-right syntax; 'own': the user's text or right-to-left syntax, in its own direction. */
export type Run = { kind: 'text' | 'ltr' | 'own'; text: string };

/** The runs of a worded message (isolates do not nest in wordings). */
export function splitRuns(s: string): Run[] {
  const runs: Run[] = [];
  const re = /([\u2066\u2068])([^\u2069]*)\u2069/g;
  let at = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > at) runs.push({ kind: 'text', text: s.slice(at, m.index) });
    runs.push({ kind: m[1] === LRI ? 'ltr' : 'own', text: m[2] });
    at = m.index + m[0].length;
  }
  if (at < s.length) runs.push({ kind: 'text', text: s.slice(at) });
  return runs;
}

/** The message as plain text (for title and aria attributes, where no isolate is needed). */
export const withoutIsolates = (s: string): string => s.replace(/[\u2066-\u2069]/g, '');
