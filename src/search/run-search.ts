// Answers a search over the loaded archive: Lunr's scoring (per segment, merged by score — scores are comparable
// because every segment uses the archive-wide statistics), then coverage (full before partial), metadata
// filters, phrase verification and strictness against the article text, sorting, facets and snippets.
import type { SearchHit, SearchRequest, SearchResult } from '../api.js';
import type { LoadedArchive } from '../engine/loaded-archive.js';
import { analyzeTokens, findWordMatches, type MatchOptions } from '../engine/text-analysis.js';
import { facetsOf, metaFilterOf, passes } from './filters.js';
import { phraseRanges } from './phrase-match.js';
import { entityFilterClauses, prepareQuery, type PreparedQuery, type QueryUnit } from './prepare-query.js';
import { parseQuery } from './query-parser.js';
import type { ParsedQuery } from './query-types.js';
import { makeSnippet, mergeRanges } from './snippet.js';
import { FIELD_BOOSTS } from '../index/fields.js';
import { scoreSegment, type ScoreClause } from '../index/segment-scorer.js';

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

/** Scored documents (global doc numbers) over every segment; scores are comparable across segments. */
function runIndex(archive: LoadedArchive, units: QueryUnit[]): Map<number, { score: number; terms: string[] }> {
  const out = new Map<number, { score: number; terms: string[] }>();
  const clauses = scoreClauses(units);
  for (const seg of archive.segments) {
    for (const r of scoreSegment(seg.reader, archive.dictionary, FIELD_BOOSTS, clauses)) out.set(seg.base + r.doc, r);
  }
  return out;
}

function unitMatched(u: QueryUnit, terms: string[]): boolean {
  return terms.some((t) => u.expansion.has(t));
}

/** Every article whose text contains the phrase, checked on title and body. */
function phraseHolds(tokensOf: () => ReturnType<typeof analyzeTokens>[], terms: string[]): boolean {
  return tokensOf().some((tokens) => phraseRanges(tokens, terms).length > 0);
}

export interface Highlighter {
  (text: string): [number, number][];
}

/** Ranges of `text` that the query matches: plain words (strictness-aware), wildcard/fuzzy expansions, phrases. */
export function highlighterFor(prepared: PreparedQuery, opts: MatchOptions): Highlighter {
  return (text) => {
    const ranges: [number, number][] = prepared.highlightWords.length ? findWordMatches(text, prepared.highlightWords, opts) : [];
    const needTokens = prepared.highlightTerms.size > 0 || prepared.phrases.length > 0;
    if (needTokens) {
      const tokens = analyzeTokens(text);
      if (prepared.highlightTerms.size) {
        const plainCovered = new Set(ranges.map(([s]) => s));
        for (const t of tokens) if (prepared.highlightTerms.has(t.term) && !plainCovered.has(t.start) && !opts.matchDiacritics && !opts.matchHamza) ranges.push([t.start, t.end]);
      }
      for (const p of prepared.phrases) if (p.clause.presence !== 'not') ranges.push(...phraseRanges(tokens, p.terms));
    }
    return mergeRanges(ranges);
  };
}

export function searchArchive(archive: LoadedArchive, req: SearchRequest, parsedIn?: ParsedQuery): SearchResult {
  const parsed = parsedIn ?? parseQuery(req.query);
  const message = parsed.messages.length ? parsed.messages.join(' ') : undefined;
  const empty: SearchResult = { total: 0, fullMatches: 0, hits: [], facets: { source: {}, year: {} }, message };
  const prepared = prepareQuery(parsed, archive.dictionary, entityFilterClauses(req.filters));
  const positive = prepared.units.filter((u) => u.presence !== 'not');
  const negative = prepared.units.filter((u) => u.presence === 'not');
  const hasDate = parsed.after !== undefined || parsed.before !== undefined;
  if (!positive.length && !negative.length && !prepared.phrases.length && !hasDate) {
    return { ...empty, message: message ?? (req.query.trim() ? 'Nothing to search for: the query has only common words.' : 'Type a word to search.') };
  }
  const strict: MatchOptions = { matchDiacritics: !!req.matchDiacritics, matchHamza: !!req.matchHamza };
  const isStrict = strict.matchDiacritics || strict.matchHamza;

  // 1. Candidates from the index, scored as Lunr scores them.
  let candidates: Candidate[];
  if (positive.length) {
    const hits = runIndex(archive, prepared.units);
    candidates = [];
    for (const [doc, { score, terms }] of hits) {
      if (!prepared.required.every((r) => r.units.every((i) => unitMatched(prepared.units[i], terms)))) continue;
      const groupsHit: number[] = [];
      prepared.groups.forEach((g, gi) => {
        if (g.units.every((i) => unitMatched(prepared.units[i], terms))) groupsHit.push(gi);
      });
      candidates.push({ doc, score, covered: groupsHit.length, groupsHit });
    }
  } else {
    const excluded = negative.length
      ? new Set(runIndex(archive, negative.map((u) => ({ ...u, presence: 'should' as const }))).keys())
      : new Set<number>();
    candidates = [];
    for (let doc = 0; doc < archive.docCount; doc++) if (!excluded.has(doc)) candidates.push({ doc, score: 0, covered: 0, groupsHit: [] });
  }

  // 2. Metadata filters (facets are counted before the source/year filters cut their own dimension).
  const filter = metaFilterOf(req.filters, parsed.after, parsed.before);
  candidates = candidates.filter((c) => passes(archive, c.doc, filter, 'source') || passes(archive, c.doc, filter, 'year'));

  // 3. Checks against the article text: phrases and strictness.
  if (prepared.phrases.length || isStrict) {
    const isPlain = (g: { clause: { wildcard?: boolean; editDistance?: number } }) => !g.clause.wildcard && !g.clause.editDistance;
    const plainRequired = prepared.required.filter((r) => r.clause.kind === 'word' && !r.clause.wildcard && !r.clause.editDistance);
    candidates = candidates.filter((c) => {
      const m = archive.meta(c.doc);
      const body = archive.body(c.doc).text;
      let tokens: ReturnType<typeof analyzeTokens>[] | null = null;
      const tokensOf = () => (tokens ??= [analyzeTokens(m.title), analyzeTokens(body)]);
      for (const p of prepared.phrases) {
        const holds = phraseHolds(tokensOf, p.terms);
        if (p.clause.presence === 'not' ? holds : !holds) return false;
      }
      if (isStrict) {
        const text = `${m.title}\n${body}`;
        const has = (word: string) => findWordMatches(text, [word], strict).length > 0;
        if (!plainRequired.every((r) => has(r.clause.text))) return false;
        if (prepared.groups.length) {
          // A word counts only where it is spelled as typed.
          c.groupsHit = c.groupsHit.filter((gi) => !isPlain(prepared.groups[gi]) || has(prepared.groups[gi].clause.text));
          c.covered = c.groupsHit.length;
          if (c.covered === 0 && !prepared.required.length) return false;
        }
      }
      return true;
    });
  }

  const facets = facetsOf(
    archive,
    candidates.map((c) => c.doc),
    filter,
  );
  candidates = candidates.filter((c) => passes(archive, c.doc, filter));
  const groupCount = prepared.groups.length;
  const isFull = (c: Candidate) => c.covered >= groupCount;
  const fullMatches = candidates.reduce((n, c) => n + (isFull(c) ? 1 : 0), 0);

  // 4. Order: full matches first, then by score (relevance) or by date, newest first.
  if (req.sort === 'date') {
    candidates.sort((a, b) => {
      const da = archive.dateOf(a.doc) ?? '';
      const db = archive.dateOf(b.doc) ?? '';
      return da < db ? 1 : da > db ? -1 : b.score - a.score || a.doc - b.doc;
    });
  } else {
    candidates.sort(
      (a, b) => Number(isFull(b)) - Number(isFull(a)) || b.covered - a.covered || b.score - a.score || a.doc - b.doc,
    );
  }

  const offset = req.offset ?? 0;
  const limit = req.limit ?? 20;
  const highlight = highlighterFor(prepared, strict);
  const hits: SearchHit[] = candidates.slice(offset, offset + limit).map((c) => {
    const m = archive.meta(c.doc);
    const text = archive.body(c.doc).text;
    const hit: SearchHit = {
      id: m.id,
      title: m.title,
      source: m.source,
      date: m.date,
      score: Math.round(c.score * 10000) / 10000,
      snippet: makeSnippet(text, highlight(text)),
    };
    if (!isFull(c)) hit.partial = true;
    return hit;
  });
  return { total: candidates.length, fullMatches, hits, facets, message };
}
