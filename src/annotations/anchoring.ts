import approxSearch from 'approx-string-match';
import type { Span, TextPositionSelector, TextQuoteSelector } from '../api.js';
import { IGNORABLE_MARK } from './arabic-marks.js';

/** Characters of context kept before and after the quote (as Hypothesis does). */
export const CONTEXT_CHARS = 32;
/** Fuzzy matching allows this share of the quote's characters to differ. */
const FUZZY_ERROR_RATE = 0.25;
const MAX_FUZZY_ERRORS = 256;

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Both selectors for [start, end) of `text`. */
export function buildSelectors(text: string, start: number, end: number): Selectors {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export type AnchorMethod = 'position' | 'quote' | 'skeleton' | 'fuzzy';

/**
 * Places an annotation on the current text of its article: the stored position when the text there is still the
 * quote; else the exact quote (occurrence whose context and place fit best); else the quote ignoring Arabic
 * diacritics and tatweel; else an approximate match of the quote. Null when none fits (an orphan).
 */
export function anchor(text: string, quote: TextQuoteSelector, position: TextPositionSelector): Span | null {
  return anchorWithMethod(text, quote, position)?.span ?? null;
}

export function anchorWithMethod(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): { span: Span; method: AnchorMethod } | null {
  const { exact } = quote;
  if (exact.length === 0) return null;
  if (text.slice(position.start, position.end) === exact) {
    return { span: { start: position.start, end: position.end }, method: 'position' };
  }
  const exactHits: Span[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    exactHits.push({ start: at, end: at + exact.length });
  }
  if (exactHits.length > 0) return { span: best(text, quote, position, exactHits, () => 0), method: 'quote' };

  const skeletonHits = findBySkeleton(text, exact);
  if (skeletonHits.length > 0) return { span: best(text, quote, position, skeletonHits, () => 0), method: 'skeleton' };

  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(exact.length * FUZZY_ERROR_RATE));
  if (maxErrors < 1) return null;
  const fuzzy = approxSearch(text, exact, maxErrors);
  if (fuzzy.length === 0) return null;
  const errors = new Map<string, number>();
  for (const m of fuzzy) errors.set(`${m.start}:${m.end}`, m.errors);
  const span = best(
    text,
    quote,
    position,
    fuzzy.map(({ start, end }) => ({ start, end })),
    (s) => (errors.get(`${s.start}:${s.end}`) ?? maxErrors) / exact.length,
  );
  return { span, method: 'fuzzy' };
}

/** The candidate whose quote error, surrounding context and distance from the old place fit best. */
function best(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  candidates: Span[],
  quoteError: (span: Span) => number,
): Span {
  let bestSpan = candidates[0];
  let bestScore = -Infinity;
  for (const span of candidates) {
    const before = text.slice(Math.max(0, span.start - quote.prefix.length), span.start);
    const after = text.slice(span.end, span.end + quote.suffix.length);
    const distance = Math.abs(span.start - position.start) / Math.max(1, text.length);
    const score =
      50 * (1 - quoteError(span)) +
      20 * similarity(quote.prefix, before) +
      20 * similarity(quote.suffix, after) +
      2 * (1 - distance);
    if (score > bestScore) {
      bestScore = score;
      bestSpan = span;
    }
  }
  return bestSpan;
}

/** 1 for equal strings, 0 for nothing in common (normalised Levenshtein distance); both short (≤ 32 chars). */
export function similarity(a: string, b: string): number {
  if (a.length === 0 && b.length === 0) return 1;
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}


interface Skeleton {
  text: string;
  /** Offset in the original text of each character of the skeleton. */
  offsets: number[];
}

function skeleton(text: string): Skeleton {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (IGNORABLE_MARK.test(text[i])) continue;
    out += text[i];
    offsets.push(i);
  }
  return { text: out, offsets };
}

/** Occurrences of `exact` when diacritics and tatweel are ignored on both sides, as spans of the original text. */
function findBySkeleton(text: string, exact: string): Span[] {
  const pattern = skeleton(exact).text;
  if (pattern.length === 0) return [];
  const base = skeleton(text);
  const spans: Span[] = [];
  for (let at = base.text.indexOf(pattern); at >= 0; at = base.text.indexOf(pattern, at + 1)) {
    const start = base.offsets[at];
    let end = base.offsets[at + pattern.length - 1] + 1;
    // The marks that belong to the last letter are part of the match.
    while (end < text.length && IGNORABLE_MARK.test(text[end])) end++;
    spans.push({ start, end });
  }
  return spans;
}
