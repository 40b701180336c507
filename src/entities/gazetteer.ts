import { procliticLengths } from './clitics.js';
import { foldArabic } from './normalize.js';

/** Names known from reference lists (folded, words joined by one space), with their entity type. */
export interface GazetteerData {
  /** type → names */
  names: Record<string, string[]>;
}

export const GAZ_TYPES = ['LOC', 'ORG', 'PER'] as const;

export class Gazetteer {
  private readonly types = new Map<string, number>();
  private readonly maxWords: number;

  constructor(data: GazetteerData) {
    let maxWords = 1;
    GAZ_TYPES.forEach((type, t) => {
      for (const name of data.names[type] ?? []) {
        const key = foldArabic(name).split(/\s+/).filter(Boolean).join(' ');
        if (!key) continue;
        this.types.set(key, t);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
    });
    this.maxWords = Math.min(maxWords, 6);
  }

  /**
   * Per word: 0 when no name covers it, else 1 + 2·type for the first word of a name and 2 + 2·type
   * for the next ones. Longest match first; the first word may carry proclitics (لروسيا).
   */
  match(words: readonly string[]): Uint8Array {
    const codes = new Uint8Array(words.length);
    for (let i = 0; i < words.length; ) {
      let matched = 0;
      for (let n = Math.min(this.maxWords, words.length - i); n >= 1 && !matched; n--) {
        let rest = '';
        for (let k = 1; k < n; k++) rest += ' ' + words[i + k];
        for (const p of procliticLengths(words[i])) {
          const type = this.types.get(words[i].slice(p) + rest);
          if (type !== undefined) {
            codes[i] = 1 + 2 * type;
            for (let k = 1; k < n; k++) codes[i + k] = 2 + 2 * type;
            matched = n;
            break;
          }
        }
      }
      i += matched || 1;
    }
    return codes;
  }

  has(word: string): boolean {
    return this.types.has(word);
  }
}
