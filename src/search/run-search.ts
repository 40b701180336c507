// Answers a search over the loaded archive: Lunr's scoring (per segment, merged by score — scores are comparable
// because every segment uses the archive-wide statistics), then coverage (full before partial), metadata
// filters, phrase verification and strictness against the article text, sorting, facets and snippets.
import type { SearchHit, SearchRequest, SearchResult } from '../api.js';
import { message } from '../messages/message.js';
import type { LoadedArchive } from '../index/loaded-archive.js';
import { analyze, findMatches, type MatchOptions } from '../analysis/index.js';
import { emptyFacets, facetsOf, isFiltering, mayCount, metaFilterOf, passes } from './filters.js';
import { phraseOccurs, phraseRanges } from './phrase-match.js';
import { prepareQuery, type PreparedQuery, type QueryUnit } from './prepare-query.js';
import { parseQuery } from './query-parser.js';
import type { ParsedQuery } from './query-types.js';
import { makeSnippet, mergeRanges } from './snippet.js';
import { rerankHead, rerankingFor, type RankingTuning } from './rerank-stage.js';
import { FIELD_BOOSTS } from '../index/ranking.js';
import { numberTerms, scoreSegment, type ScoreClause } from '../index/segment-scorer.js';

interface Candidate {
  doc: number;
  score: number;
  /** Number of the query's plain words the article contains. */
  covered: number;
  /** Which of them (indices into prepared.groups). */
  groupsHit: number[];
}

/** The index clauses of query units: one per term (a required unit with several readings is asked as optional
 * and checked afterwards — any reading will do). */
export function scoreClauses(units: readonly QueryUnit[]): ScoreClause[] {
  return units.flatMap((u) => {
    const presence = u.presence === 'must' && u.terms.length > 1 ? 'should' : u.presence;
    return u.termExpansions.map((expansion) => ({ fields: u.fields, presence, boost: u.boost, expansion }));
  });
}

/**
 * Scored documents over every segment (scores are comparable across segments), with which units each matches
 * (a unit matches when the document has any of its expanded terms, as Lunr's matchData tells).
 */
function runIndex(archive: LoadedArchive, units: QueryUnit[], visit: (doc: number, score: number, unitMatched: (u: number) => boolean) => void): void {
  const clauses = scoreClauses(units);
  const termIds = numberTerms(clauses);
  const W = Math.max(1, Math.ceil(termIds.size / 32));
  const unitBits = units.map((u) => {
    const bits = new Uint32Array(W);
    for (const t of u.expansion) {
      const id = termIds.get(t);
      if (id !== undefined) bits[id >>> 5] |= 1 << (id & 31);
    }
    return bits;
  });
  for (const seg of archive.segments) {
    const hits = scoreSegment(seg.reader, archive.dictionary, FIELD_BOOSTS, clauses, termIds);
    let at = 0;
    const unitMatched = (u: number) => {
      const bits = unitBits[u];
      for (let w = 0; w < W; w++) if (hits.termBits[at * W + w] & bits[w]) return true;
      return false;
    };
    for (; at < hits.docs.length; at++) visit(seg.base + hits.docs[at], hits.scores[at], unitMatched);
  }
}

/** The first k items in `cmp` order (the whole list is sorted only when k is a large part of it). */
export function firstInOrder<T>(items: T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 4 >= items.length) return items.sort(cmp).slice(0, k);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && cmp(item, best[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(best[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Every article whose text contains the phrase, checked on title and body. */
export interface Highlighter {
  (text: string): [number, number][];
}

/** Ranges of `text` that the query matches: plain words (strictness-aware), wildcard/fuzzy expansions, phrases. */
export function highlighterFor(prepared: PreparedQuery, opts: MatchOptions): Highlighter {
  return (text) => {
    const ranges: [number, number][] = prepared.highlightWords.length ? findMatches(text, prepared.highlightWords, opts) : [];
    const needTokens = prepared.highlightTerms.size > 0 || prepared.phrases.length > 0;
    if (needTokens) {
      const tokens = analyze(text);
      if (prepared.highlightTerms.size) {
        const plainCovered = new Set(ranges.map(([s]) => s));
        for (const t of tokens) if (prepared.highlightTerms.has(t.term) && !plainCovered.has(t.start) && !opts.matchDiacritics && !opts.matchHamza) ranges.push([t.start, t.end]);
      }
      for (const p of prepared.phrases) if (p.clause.presence !== 'not') ranges.push(...phraseRanges(tokens, p.terms));
    }
    return mergeRanges(ranges);
  };
}

export function searchArchive(archive: LoadedArchive, req: SearchRequest, parsedIn?: ParsedQuery, tuning?: RankingTuning): SearchResult {
  const parsed = parsedIn ?? parseQuery(req.query);
  const messages = parsed.messages.length ? parsed.messages : undefined;
  const empty: SearchResult = { total: 0, fullMatches: 0, hits: [], facets: emptyFacets(), messages };
  const reranking = rerankingFor(req, parsed, tuning);
  const prepared = prepareQuery(reranking?.asked ?? parsed, archive.dictionary);
  const hasDate = parsed.after !== undefined || parsed.before !== undefined;
  if (!prepared.units.length && !prepared.phrases.length && !hasDate) {
    return { ...empty, messages: messages ?? [message(req.query.trim() ? 'only-common-words' : 'type-to-search')] };
  }
  const strict: MatchOptions = { matchDiacritics: !!req.matchDiacritics, matchHamza: !!req.matchHamza };

  // 1. Candidates from the index, scored as Lunr scores them.
  let candidates = candidatesFromIndex(archive, prepared);

  // 2. Filters (facets are counted before each dimension's own filter cuts it: only what fails two goes now).
  const filter = metaFilterOf(req.filters, archive.names, parsed.after, parsed.before);
  const filtering = isFiltering(filter);
  if (filtering) candidates = candidates.filter((c) => mayCount(archive, c.doc, filter));

  // 3. Checks against the article text: phrases and strictness.
  candidates = checkedAgainstText(archive, prepared, candidates, strict);

  const facets = facetsOf(
    archive,
    candidates.map((c) => c.doc),
    filter,
  );
  if (filtering) candidates = candidates.filter((c) => passes(archive, c.doc, filter));
  const groupCount = prepared.groups.length;
  const isFull = (c: Candidate) => c.covered >= groupCount;
  const fullMatches = candidates.reduce((n, c) => n + (isFull(c) ? 1 : 0), 0);

  // 4. Order: full matches first, then by score (relevance) or by date, newest first.
  const offset = req.offset ?? 0;
  const limit = req.limit ?? 20;
  const ordered = firstInOrder(candidates.slice(), Math.max(offset + limit, reranking?.depth ?? 0), candidateOrder(archive, req.sort, isFull));
  const page = rerankHead(archive, prepared, ordered, reranking).slice(offset, offset + limit);

  const highlight = highlighterFor(prepared, strict);
  const hits = page.map((c) => hitOf(archive, c, highlight, isFull(c)));
  return { total: candidates.length, fullMatches, hits, facets, messages };
}

/** Every article the index finds for the query's positive units, or every article lacking its negative ones. */
function candidatesFromIndex(archive: LoadedArchive, prepared: PreparedQuery): Candidate[] {
  const candidates: Candidate[] = [];
  const positive = prepared.units.filter((u) => u.presence !== 'not');
  const negative = prepared.units.filter((u) => u.presence === 'not');
  if (positive.length) {
    const { required, groups, requiresWords } = prepared;
    runIndex(archive, prepared.units, (doc, score, unitMatched) => {
      for (const r of required) for (const u of r.units) if (!unitMatched(u)) return;
      const groupsHit: number[] = [];
      for (let g = 0; g < groups.length; g++) if (groups[g].units.every(unitMatched)) groupsHit.push(g);
      // Field filters only narrow: the words must find the article (any of them, unless a +word or phrase does).
      if (!requiresWords && groups.length && !groupsHit.length) return;
      candidates.push({ doc, score, covered: groupsHit.length, groupsHit });
    });
  } else {
    const excluded = new Uint8Array(archive.docCount);
    if (negative.length) runIndex(archive, negative.map((u) => ({ ...u, presence: 'should' as const })), (doc) => (excluded[doc] = 1));
    for (let doc = 0; doc < archive.docCount; doc++) if (!excluded[doc]) candidates.push({ doc, score: 0, covered: 0, groupsHit: [] });
  }
  return candidates;
}

/** The candidates whose text holds (or lacks) the phrases and, when strict, spells the words as typed. */
function checkedAgainstText(archive: LoadedArchive, prepared: PreparedQuery, candidates: Candidate[], strict: MatchOptions): Candidate[] {
  const isStrict = strict.matchDiacritics || strict.matchHamza;
  if (!prepared.phrases.length && !isStrict) return candidates;
  const isPlain = (g: { clause: { wildcard?: boolean; editDistance?: number } }) => !g.clause.wildcard && !g.clause.editDistance;
  const plainRequired = prepared.required.filter((r) => r.clause.kind === 'word' && !r.clause.wildcard && !r.clause.editDistance);
  return candidates.filter((c) => {
    const m = archive.meta(c.doc);
    const body = archive.body(c.doc).text;
    for (const p of prepared.phrases) {
      const holds = phraseOccurs(m.title, p.terms) || phraseOccurs(body, p.terms);
      if (p.clause.presence === 'not' ? holds : !holds) return false;
    }
    if (isStrict) {
      const text = `${m.title}\n${body}`;
      const has = (word: string) => findMatches(text, [word], strict).length > 0;
      if (!plainRequired.every((r) => has(r.clause.text))) return false;
      if (prepared.groups.length) {
        // A word counts only where it is spelled as typed.
        c.groupsHit = c.groupsHit.filter((gi) => !isPlain(prepared.groups[gi]) || has(prepared.groups[gi].clause.text));
        c.covered = c.groupsHit.length;
        if (c.covered === 0 && !prepared.requiresWords) return false;
      }
    }
    return true;
  });
}

/** Full matches first, then by score (relevance) or by date, newest first. */
function candidateOrder(archive: LoadedArchive, sort: SearchRequest['sort'], isFull: (c: Candidate) => boolean): (a: Candidate, b: Candidate) => number {
  if (sort === 'date') {
    return (a, b) => {
      const da = archive.dateOf(a.doc) ?? '';
      const db = archive.dateOf(b.doc) ?? '';
      return da < db ? 1 : da > db ? -1 : b.score - a.score || a.doc - b.doc;
    };
  }
  return (a, b) => Number(isFull(b)) - Number(isFull(a)) || b.covered - a.covered || b.score - a.score || a.doc - b.doc;
}

function hitOf(archive: LoadedArchive, c: Candidate, highlight: Highlighter, isFull: boolean): SearchHit {
  const m = archive.meta(c.doc);
  const text = archive.body(c.doc).text;
  const hit: SearchHit = {
    id: m.id,
    title: m.title,
    source: m.source,
    date: m.date,
    score: Math.round(c.score * 10000) / 10000,
    snippet: makeSnippet(text, highlight(text)),
    titleHighlights: highlight(m.title),
  };
  if (!isFull) hit.partial = true;
  return hit;
}
