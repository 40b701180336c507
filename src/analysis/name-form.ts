// How the names facets read a name: one form for all the clitic forms of a name (للأمم المتحدة is الأمم المتحدة).
import { someWord } from './analyzer.js';

/** A name as the facets group it: how it is read, and how many letters of attached clitics were folded away. */
export interface NameForm {
  /** The normalised words (hamza, diacritics, ى/ي, ة/ه folded), the first without attached و ف ب ك ل. */
  form: string;
  /** Letters the first word lost (0 for the bare name: الأمم المتحدة 0, للأمم المتحدة 1, وبرشلونة 1). */
  folded: number;
}

/**
 * One reading for every clitic form of a name: the analyzer's prefix cut on the first word (the article kept, and
 * لل read as ل + ال), the other words normalised as written. Nothing is cut from the end: الجزائر is not الجزائرية.
 */
export function nameForm(name: string): NameForm {
  const words: string[] = [];
  let folded = 0;
  someWord(name, (a) => {
    if (words.length > 0 || a.pre === 0) words.push(a.norm);
    else {
      const prefix = a.norm.slice(0, a.pre);
      // The letters of the article in the prefix: ال, or the second ل of لل (ل + ال, its alef dropped).
      const article = prefix.endsWith('ال') ? 2 : prefix.endsWith('لل') ? 1 : 0;
      folded = a.pre - article;
      words.push((article ? 'ال' : '') + a.norm.slice(a.pre));
    }
    return false;
  });
  return { form: words.join(' '), folded };
}
