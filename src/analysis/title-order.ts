// The order of titles and source names in the library, as a reader of Arabic files them: by the Arabic alphabet
// (Intl.Collator, hamza forms beside alef, Latin after Arabic), ignoring leading quotes and punctuation
// («…», "…", (…), …) and the definite article ال, as Arabic catalogues do.

const collator = new Intl.Collator('ar', { numeric: true });
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}]+/u;
// eslint-disable-next-line no-misleading-character-class -- each combining mark (harakat) is removed on its own
const TATWEEL_AND_MARKS = /[\u0640\u064B-\u065F\u0670]/g;
/** ال before a word of two letters or more (not the ال of a two-letter word). */
const DEFINITE_ARTICLE = /^ال(?=\p{L}{2})/u;

/** What a title is filed under: "«الاتحاد الأفريقي» يجتمع" → "اتحاد الأفريقي» يجتمع". */
export function filingKey(text: string): string {
  return text.replace(TATWEEL_AND_MARKS, '').replace(LEADING_PUNCTUATION, '').replace(DEFINITE_ARTICLE, '');
}

/** Compares two filing keys, then the texts themselves, so equal keys still have a stable order. */
export function compareFiling(aKey: string, bKey: string, aText: string, bText: string): number {
  return collator.compare(aKey, bKey) || collator.compare(aText, bText);
}
