import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { ArchiveTerms } from '../../../src/index/archive-terms.js';
import { createLunrIndex } from '../../../src/index/lunr-segment.js';
import { decodeSegment, encodeSegment, openSegment } from '../../../src/index/segment-file.js';
import { countTerms, docTermsOf, SegmentBuilder } from '../../../src/index/segment-postings.js';

const FIELDS = ['title', 'body'];
const DOCS = [
  { title: 'بوتين علييف', body: 'التقى بوتين علييف في سوتشي سوتشي' },
  { title: 'روسيا', body: 'روسيا اذربيجان تجارة بوتين' },
  { title: 'الطقس', body: 'امطار غزيرة في تونس' },
  { title: 'تونس', body: 'تونس تونس امطار سوتشي بوتين' },
];
const split = (s: string) => s.split(/\s+/).filter(Boolean);

function stock(): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.field('title', { boost: 4 });
    this.field('body');
    DOCS.forEach((d, i) => this.add({ id: String(i), ...d }));
  });
}

function ours(segmentCount: number): lunr.Index[] {
  const builders = Array.from({ length: segmentCount }, () => new SegmentBuilder(FIELDS));
  const refs: string[][] = builders.map(() => []);
  DOCS.forEach((d, i) => {
    const s = i % segmentCount;
    builders[s].add(countTerms([split(d.title), split(d.body)]));
    refs[s].push(String(i));
  });
  const postings = builders.map((b) => openSegment<null>(encodeSegment(b.build(), null)));
  const terms = new ArchiveTerms(postings, FIELDS.length);
  return postings.map((p) => createLunrIndex(p, terms, [4, 1], new lunr.Pipeline()));
}

function run(indexes: lunr.Index[], segmentCount: number, fn: lunr.Index.QueryBuilder) {
  return indexes
    .flatMap((ix, s) => ix.query(fn).map((r) => ({ ref: String(Number(r.ref) * segmentCount + s), score: r.score })))
    .sort((a, b) => b.score - a.score);
}

describe('segment index', () => {
  const queries: [string, lunr.Index.QueryBuilder][] = [
    ['term', (q) => q.term('بوتين', { usePipeline: false })],
    ['two terms', (q) => { q.term('سوتشي', { usePipeline: false }); q.term('تونس', { usePipeline: false }); }],
    ['prefix', (q) => q.term('تون', { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING })],
    ['fuzzy', (q) => q.term('روسبا', { usePipeline: false, editDistance: 1 })],
    ['field', (q) => q.term('تونس', { usePipeline: false, fields: ['title'] })],
    ['required+prohibited', (q) => {
      q.term('بوتين', { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
      q.term('روسيا', { usePipeline: false, presence: lunr.Query.presence.PROHIBITED });
    }],
  ];
  for (const segments of [1, 3]) {
    for (const [name, fn] of queries) {
      it(`scores like a stock Lunr index (${name}, ${segments} segment(s))`, () => {
        const expected = stock().query(fn).map((r) => ({ ref: r.ref, score: r.score }));
        const actual = run(ours(segments), segments, fn);
        expect(actual.map((r) => r.ref)).toEqual(expected.map((r) => r.ref));
        actual.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i].score, 2));
        expect(actual.length).toBeGreaterThan(0);
      });
    }
  }

  it('recovers the indexed terms of a document from the postings', () => {
    const b = new SegmentBuilder(FIELDS);
    DOCS.forEach((d) => b.add(countTerms([split(d.title), split(d.body)])));
    const terms = docTermsOf(b.build(), [3]).get(3)!;
    expect(terms.lengths).toEqual([1, 5]);
    expect(terms.tf[1].get('تونس')).toBe(2);
  });

  it('rejects a damaged segment file', () => {
    const b = new SegmentBuilder(FIELDS);
    DOCS.forEach((d) => b.add(countTerms([split(d.title), split(d.body)])));
    const file = encodeSegment(b.build(), null);
    file[file.length - 6] ^= 0xff;
    expect(() => decodeSegment(file)).toThrow();
    expect(() => decodeSegment(file.subarray(0, 20))).toThrow();
  });
});
