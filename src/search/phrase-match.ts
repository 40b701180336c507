import type { AnalyzedToken } from '../api.js';
import { someWord } from '../analysis/index.js';

/** What a token must equal in a phrase: its term, or its normalized form for a stop word. */
export function phraseKey(t: Pick<AnalyzedToken, 'term' | 'norm' | 'stop'>): string {
  return t.stop ? `\u0001${t.norm}` : t.term;
}

/**
 * Ranges of `tokens` (an analyzed text) where the phrase's keys occur consecutively, in order. Every word
 * counts, stop words included, so “بين روسيا” does not match “روسيا” alone.
 */
export function phraseRanges(tokens: readonly AnalyzedToken[], phrase: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  if (!phrase.length) return out;
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < phrase.length; k++) {
      if (phraseKey(tokens[i + k]) !== phrase[k]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push([tokens[i].start, tokens[i + phrase.length - 1].end]);
  }
  return out;
}

/** Whether the phrase's keys occur consecutively in `text`: phraseRanges(analyze(text), phrase).length > 0, read up to the first occurrence. */
export function phraseOccurs(text: string, phrase: readonly string[]): boolean {
  const k = phrase.length;
  if (k === 0) return false;
  const recent: string[] = new Array(k);
  let seen = 0;
  return someWord(text, (word) => {
    recent[seen++ % k] = phraseKey(word);
    if (seen < k) return false;
    for (let j = 0; j < k; j++) if (recent[(seen - k + j) % k] !== phrase[j]) return false;
    return true;
  });
}
