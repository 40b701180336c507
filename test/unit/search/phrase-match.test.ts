import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/index.js';
import { phraseKey, phraseOccurs, phraseRanges } from '../../../src/search/phrase-match.js';

/** A phrase as the query side prepares it: the key of each of its words. */
const keysOf = (phrase: string) => analyze(phrase).map(phraseKey);

describe('phraseOccurs', () => {
  it('finds a phrase written with clitics, hamza and diacritics as the index reads them', () => {
    expect(phraseOccurs('أعلنت وزارةُ الداخلية أمس', keysOf('وزارة الداخلية'))).toBe(true);
    expect(phraseOccurs('وقال وزير الداخلية إن الوزارة', keysOf('وزارة الداخلية'))).toBe(false);
    expect(phraseOccurs('بين روسيا وأذربيجان', keysOf('بين روسيا'))).toBe(true);
    expect(phraseOccurs('زار روسيا', keysOf('بين روسيا'))).toBe(false);
  });

  it('finds an occurrence that overlaps the start of a false one (في في الدوحة)', () => {
    expect(phraseOccurs('اجتمعوا في في الدوحة', keysOf('في الدوحة'))).toBe(true);
    expect(phraseOccurs('قمة قمة الدوحة', keysOf('قمة الدوحة'))).toBe(true);
  });

  it('agrees with phraseRanges over the analyzed text on many texts', () => {
    const words = ['في', 'الدوحة', 'وزارة', 'الداخلية', 'من', 'روسيا', 'وروسيا', 'بوتين', 'قمة', 'و', 'G20'];
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = () => words[Math.floor(rand() * words.length)];
    let found = 0;
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, pick).join(rand() < 0.2 ? '، ' : ' ');
      const phrase = keysOf(Array.from({ length: 1 + Math.floor(rand() * 3) }, pick).join(' '));
      const expected = phraseRanges(analyze(text), phrase).length > 0;
      expect(phraseOccurs(text, phrase), `${phrase.join('|')} in ${text}`).toBe(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(200);
  });

  it('is false for an empty phrase', () => {
    expect(phraseOccurs('أي نص', [])).toBe(false);
  });
});
