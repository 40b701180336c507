import { procliticLengths } from './clitics.js';
import { foldArabic } from './normalize.js';

/** Names known from reference lists (folded, words joined by one space), with their entity type. */
export interface GazetteerData {
  /** type → names */
  names: Record<string, string[]>;
}

export const GAZ_TYPES = ['LOC', 'ORG', 'PER'] as const;

export type NameStart = readonly [proclitics: number, first: string, longest: number];
const NO_STARTS: readonly NameStart[] = [];

export class Gazetteer {
  private readonly types = new Map<string, number>();
  /** First word of each name → the most words a name starting with it has. */
  private readonly firstWords = new Map<string, number>();

  constructor(data: GazetteerData) {
    GAZ_TYPES.forEach((type, t) => {
      for (const name of data.names[type] ?? []) {
        const key = foldArabic(name).split(/\s+/).filter(Boolean).join(' ');
        if (!key) continue;
        this.types.set(key, t);
        const parts = key.split(' ');
        this.firstWords.set(parts[0], Math.max(this.firstWords.get(parts[0]) ?? 0, parts.length));
      }
    });
  }

  /**
   * Per word: 0 when no name covers it, else 1 + 2·type for the first word of a name and 2 + 2·type
   * for the next ones. Longest match; the first word may carry proclitics (لروسيا).
   */
  match(words: readonly string[], startsAt: (i: number) => readonly NameStart[] = (i) => this.starts(words[i])): Uint8Array {
    const codes = new Uint8Array(words.length);
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (const [, first, longest] of startsAt(i)) {
        let key = first;
        let best: { n: number; type: number } | null = null;
        for (let n = 1; n <= Math.min(longest, words.length - i); n++) {
          if (n > 1) key += ' ' + words[i + n - 1];
          const type = this.types.get(key);
          if (type !== undefined) best = { n, type };
        }
        if (best) {
          codes[i] = 1 + 2 * best.type;
          for (let k = 1; k < best.n; k++) codes[i + k] = 2 + 2 * best.type;
          matched = best.n;
          break;
        }
      }
      i += matched || 1;
    }
    return codes;
  }

  /**
   * Ways a name may start at a folded word: (proclitic length, the word without it, longest name). The
   * tagger keeps them with each word it caches and passes them to match.
   */
  starts(word: string): readonly NameStart[] {
    let found: NameStart[] | null = null;
    for (const p of procliticLengths(word)) {
      const first = p === 0 ? word : word.slice(p);
      const longest = this.firstWords.get(first);
      if (longest !== undefined) (found ??= []).push([p, first, longest]);
    }
    return found ?? NO_STARTS;
  }

  has(word: string): boolean {
    return this.types.has(word);
  }
}
