import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { ArchiveTerms } from '../../../src/index/archive-terms.js';
import { encodeSegment, openSegment } from '../../../src/index/segment-file.js';
import { countTerms, SegmentBuilder } from '../../../src/index/segment-postings.js';
import { hitTerms, numberTerms, scoreSegment, type ClausePresence } from '../../../src/index/segment-scorer.js';

const FIELDS = ['title', 'body'];
const BOOSTS = [4, 1];
const DOCS = [
  { title: 'بوتين علييف', body: 'التقى بوتين علييف في سوتشي سوتشي' },
  { title: 'روسيا', body: 'روسيا اذربيجان تجارة بوتين' },
  { title: 'الطقس', body: 'امطار غزيرة في تونس' },
  { title: 'تونس', body: 'تونس تونس امطار سوتشي بوتين' },
];
const split = (s: string) => s.split(/\s+/).filter(Boolean);

interface Spec {
  term: string;
  presence?: ClausePresence;
  fields?: string[];
  boost?: number;
  wildcard?: boolean;
  editDistance?: number;
}

const LUNR_PRESENCE = { should: lunr.Query.presence.OPTIONAL, must: lunr.Query.presence.REQUIRED, not: lunr.Query.presence.PROHIBITED };

function stockIndex(docs: { title: string; body: string }[]): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.field('title', { boost: 4 });
    this.field('body');
    docs.forEach((d, i) => this.add({ id: String(i), ...d }));
  });
}

function stockQuery(index: lunr.Index, specs: Spec[]) {
  return index
    .query((q) => {
      for (const s of specs) {
        const clause: Record<string, unknown> = {
          usePipeline: false,
          presence: LUNR_PRESENCE[s.presence ?? 'should'],
          fields: s.fields ?? FIELDS,
          boost: s.boost ?? 1,
          wildcard: s.wildcard ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
        };
        if (s.editDistance) clause.editDistance = s.editDistance;
        q.term(s.term, clause as Partial<lunr.Query.Clause>);
      }
    })
    .map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() }));
}

const TokenSets = lunr.TokenSet as unknown as { fromString(s: string): never; fromFuzzyString(s: string, d: number): never };

/** The same documents in `segmentCount` segments (doc i → segment i % segmentCount), queried with scoreSegment. */
function oursQuery(docs: { title: string; body: string }[], segmentCount: number, specs: Spec[]) {
  const builders = Array.from({ length: segmentCount }, () => new SegmentBuilder(FIELDS));
  docs.forEach((d, i) => builders[i % segmentCount].add(countTerms([split(d.title), split(d.body)])));
  const readers = builders.map((b) => openSegment<null>(encodeSegment(b.build(), null)));
  const terms = new ArchiveTerms(readers, FIELDS.length);
  const clauses = specs.map((s) => {
    const pattern = s.wildcard ? `${s.term}*` : s.term;
    const set = s.editDistance ? TokenSets.fromFuzzyString(pattern, s.editDistance) : TokenSets.fromString(pattern);
    return { fields: s.fields ?? FIELDS, presence: s.presence ?? 'should', boost: s.boost ?? 1, expansion: terms.matching(set) };
  });
  return readers
    .flatMap((r, seg) => {
      const ids = numberTerms(clauses);
      const hits = scoreSegment(r, terms, BOOSTS, clauses, ids);
      return hits.docs.map((d, i) => ({ ref: String(d * segmentCount + seg), score: hits.scores[i], terms: hitTerms(hits, i, ids).sort() }));
    })
    .sort((a, b) => b.score - a.score || Number(a.ref) - Number(b.ref));
}

function expectSame(docs: { title: string; body: string }[], segments: number, specs: Spec[]) {
  // Scores may differ in the last bits (Lunr orders a vector's terms by first use, we by a hash), so equal
  // scores can come out in either order: compare document by document, then the ranking with a tolerance.
  const byRef = <R extends { ref: string }>(rs: R[]) => [...rs].sort((a, b) => Number(a.ref) - Number(b.ref));
  const expected = stockQuery(stockIndex(docs), specs);
  const actual = oursQuery(docs, segments, specs);
  const e = byRef(expected);
  const a = byRef(actual);
  expect(a.map((r) => r.ref)).toEqual(e.map((r) => r.ref));
  a.forEach((r, i) => {
    expect(r.score).toBeCloseTo(e[i].score, 10);
    expect(r.terms).toEqual(e[i].terms);
  });
  for (let i = 1; i < actual.length; i++) expect(actual[i].score).toBeLessThanOrEqual(actual[i - 1].score);
  expected.forEach((r, i) => expect(actual[i].score).toBeCloseTo(r.score, 10));
  return actual;
}

describe('scoring over segment postings', () => {
  const queries: [string, Spec[]][] = [
    ['term', [{ term: 'بوتين' }]],
    ['two terms', [{ term: 'سوتشي' }, { term: 'تونس' }]],
    ['prefix', [{ term: 'تون', wildcard: true }]],
    ['fuzzy', [{ term: 'روسبا', editDistance: 1 }]],
    ['field', [{ term: 'تونس', fields: ['title'] }]],
    ['boosted term', [{ term: 'تونس', boost: 3 }, { term: 'بوتين' }]],
    ['the same term twice', [{ term: 'تونس' }, { term: 'تونس', fields: ['body'] }]],
    ['required+prohibited', [{ term: 'بوتين', presence: 'must' }, { term: 'روسيا', presence: 'not' }]],
    ['prohibited in one field only', [{ term: 'بوتين' }, { term: 'تونس', presence: 'not', fields: ['title'] }]],
    ['required term absent from the archive', [{ term: 'بوتين' }, { term: 'مفقود', presence: 'must' }]],
    ['only prohibited (Lunr lists every other document)', [{ term: 'تونس', presence: 'not' }]],
  ];
  for (const segments of [1, 3]) {
    for (const [name, specs] of queries) {
      it(`scores like a stock Lunr index (${name}, ${segments} segment(s))`, () => {
        const actual = expectSame(DOCS, segments, specs);
        if (!name.startsWith('required term absent')) expect(actual.length).toBeGreaterThan(0);
      });
    }
  }

  it('scores like stock Lunr on 300 random documents and 200 random queries', () => {
    let s = 11;
    const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const vocabulary = Array.from({ length: 60 }, (_, i) => `ك${'ابتثجحخدذرزسشصضطظعغفقلمنهوي'[i % 28]}${'بتث'[i % 3]}${i}`);
    const word = () => vocabulary[Math.floor(rand() ** 2 * vocabulary.length)];
    const docs = Array.from({ length: 300 }, () => ({
      title: Array.from({ length: 1 + Math.floor(rand() * 4) }, word).join(' '),
      body: Array.from({ length: 5 + Math.floor(rand() * 60) }, word).join(' '),
    }));
    const presences: ClausePresence[] = ['should', 'should', 'should', 'must', 'not'];
    for (let q = 0; q < 200; q++) {
      const specs: Spec[] = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
        term: rand() < 0.15 ? word().slice(0, 2) : word(),
        presence: presences[Math.floor(rand() * presences.length)],
        fields: rand() < 0.2 ? ['title'] : FIELDS,
        boost: rand() < 0.2 ? 2 : 1,
      }));
      for (const spec of specs) if (spec.term.length === 2) spec.wildcard = true;
      expectSame(docs, 1 + (q % 4), specs);
    }
  });

  it('carries kept documents into a rebuilt segment exactly as if they had been indexed again', () => {
    const terms = (d: { title: string; body: string }) => countTerms([split(d.title), split(d.body)]);
    const old = new SegmentBuilder(FIELDS);
    DOCS.forEach((d) => old.add(terms(d)));
    const added = { title: 'خبر جديد', body: 'تونس تستقبل خبرا جديدا عن تونس' };
    const rebuilt = new SegmentBuilder(FIELDS);
    rebuilt.addKept(old.build(), [1, 3]);
    rebuilt.add(terms(added));
    const fresh = new SegmentBuilder(FIELDS);
    [DOCS[1], DOCS[3], added].forEach((d) => fresh.add(terms(d)));
    const built = rebuilt.build();
    expect(built).toEqual(fresh.build());
    expect(built.docCount).toBe(3);
    expect(built.terms).toContain('تونس');
    expect(() => new SegmentBuilder(FIELDS).addKept(old.build(), [3, 1])).toThrow(/ascending/);
  });
});
