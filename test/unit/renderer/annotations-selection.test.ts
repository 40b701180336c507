import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rangeToOffsets, segmentPointOffset, trimSelection } from '../../../renderer/src/annotations/selection.js';
import { stripDiacritics } from '../../../renderer/src/lib/diacritics.js';
import { segmentText } from '../../../renderer/src/lib/segments.js';

// jsdom ships no type declarations; the test only needs a document.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDom = any;
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: AnyDom } } };

const text = 'مع علييف ورئيس الوزراء الأرميني نيكول باشينيان، في سوتشي.';
const voweled = 'العِلْمُ نورٌ والجَهْلُ ظلام';

/** Renders text the way ArticleBody does: one paragraph of <span data-start data-end> segments. */
function render(source: string, cuts: [number, number][], hideDiacritics = false) {
  const dom = new JSDOM('<!doctype html><div class="body"></div>');
  const doc = dom.window.document;
  const body = doc.querySelector('.body')!;
  const p = doc.createElement('p');
  for (const seg of segmentText(source, [{ name: 'x', ranges: cuts.map(([start, end]) => ({ start, end })) }])) {
    const span = doc.createElement('span');
    span.setAttribute('data-start', String(seg.start));
    span.setAttribute('data-end', String(seg.end));
    span.textContent = hideDiacritics ? stripDiacritics(seg.text) : seg.text;
    p.appendChild(span);
  }
  body.appendChild(p);
  return { doc, body };
}

/** The text node of the segment containing offset `at`, and that segment's start. */
function nodeAt(body: AnyDom, at: number): { node: AnyDom; start: number } {
  const span = ([...body.querySelectorAll('[data-start]')] as AnyDom[]).find((s) => Number(s.getAttribute('data-start')) <= at && at < Number(s.getAttribute('data-end')))!;
  return { node: span.firstChild, start: Number(span.getAttribute('data-start')) };
}

describe('selection → article offsets', () => {
  it('maps a selection across several segments to exact offsets into the text', () => {
    const name = text.indexOf('باشينيان');
    const { doc, body } = render(text, [[3, 8], [name, name + 4]]);
    const from = nodeAt(body, text.indexOf('الوزراء'));
    const to = nodeAt(body, name + 5);
    const range = doc.createRange();
    range.setStart(from.node, text.indexOf('الوزراء') - from.start);
    range.setEnd(to.node, name + 8 - to.start);
    const got = rangeToOffsets(body, range, text, false)!;
    expect(text.slice(got.start, got.end)).toBe('الوزراء الأرميني نيكول باشينيان');
  });

  it('maps offsets on text shown without diacritics back to the voweled original', () => {
    const { doc, body } = render(voweled, [[9, 13]], true);
    // Displayed: "العلم نور والجهل ظلام"; select the displayed "والجهل".
    const seg = ([...body.querySelectorAll('[data-start]')] as AnyDom[]).find((s) => s.textContent!.includes('والجهل'))!;
    const shown = seg.textContent!;
    const range = doc.createRange();
    range.setStart(seg.firstChild!, shown.indexOf('والجهل'));
    range.setEnd(seg.firstChild!, shown.indexOf('والجهل') + 'والجهل'.length);
    const got = rangeToOffsets(body, range, voweled, true)!;
    // The marks of the last letter come with it.
    expect(voweled.slice(got.start, got.end)).toBe('والجَهْلُ');
    expect(trimSelection(voweled, got.start, got.end)).toEqual({ start: voweled.indexOf('والجَهْلُ'), end: voweled.indexOf('والجَهْلُ') + 'والجَهْلُ'.length });
  });

  it('takes element boundaries (a triple-click selects whole paragraphs) to the nearest segment edges', () => {
    const { doc, body } = render(text, [[3, 8]]);
    const p = body.querySelector('p')!;
    const range = doc.createRange();
    range.setStart(p, 0);
    range.setEnd(p, p.childNodes.length);
    expect(rangeToOffsets(body, range, text, false)).toEqual({ start: 0, end: text.length });
  });

  it('ignores a collapsed selection', () => {
    const { doc, body } = render(text, []);
    const range = doc.createRange();
    range.setStart(body.querySelector('span')!.firstChild!, 4);
    expect(rangeToOffsets(body, range, text, false)).toBeNull();
  });

  it('maps a point inside a segment with and without hidden diacritics', () => {
    expect(segmentPointOffset(voweled, 0, 8, 5, false)).toBe(5);
    // "العلم" displayed has 5 letters; offset 5 (after م) is after the final damma in the original (index 8).
    expect(segmentPointOffset(voweled, 0, 8, 5, true)).toBe(8);
    // After the displayed "الع": past the kasra of ع, before ل.
    expect(segmentPointOffset(voweled, 0, 8, 3, true)).toBe(4);
  });
});

describe('trimming a selection', () => {
  it('drops trailing Arabic punctuation and spaces (a name selected with its comma)', () => {
    const start = text.indexOf('باشينيان');
    const got = trimSelection(text, start - 1, start + 'باشينيان،'.length + 1)!;
    expect(text.slice(got.start, got.end)).toBe('باشينيان');
  });

  it('trims quotes, brackets and a final full stop on both edges', () => {
    const s = 'قال: «سوتشي». ';
    const got = trimSelection(s, 4, s.length)!;
    expect(s.slice(got.start, got.end)).toBe('سوتشي');
  });

  it('keeps an attached clitic (the user decides) and returns null for punctuation only', () => {
    const s = 'مع وباشينيان،';
    const got = trimSelection(s, 3, s.length)!;
    expect(s.slice(got.start, got.end)).toBe('وباشينيان');
    expect(trimSelection('، . ؟', 0, 5)).toBeNull();
  });
});

describe('a selection ending before the diacritics of its last letter', () => {
  it('takes those marks in (they belong to the letter)', () => {
    const s = 'قال: الْعِلْمُ نُورٌ»';
    const start = s.indexOf('الْعِلْمُ');
    const end = s.indexOf('ٌ'); // right after ر, before its tanween
    const got = trimSelection(s, start, end)!;
    expect(s.slice(got.start, got.end)).toBe('الْعِلْمُ نُورٌ');
  });
});
