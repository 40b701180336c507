/** Arabic harakat, superscript alef, Quranic marks, tatweel and joiners: marks that editors add or drop freely. */
export const IGNORABLE_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u200C\u200D]/;
