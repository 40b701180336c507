// Turns a parsed query into index terms (through the Arabic analyzer) and their expansions in the archive's
// dictionary: what Lunr is asked, how coverage (full vs partial match) is counted, and what gets highlighted.
import lunr from 'lunr';
import { analyze, indexTerms, normalizeQuery, queryTermFor, queryTermsFor } from '../analysis/index.js';
import { phraseKey } from './phrase-match.js';
import type { FieldName } from '../index/fields.js';
import type { ArchiveTerms } from '../index/archive-terms.js';
import { DEFAULT_CLAUSE_BOOST } from '../index/ranking.js';
import type { ParsedQuery, Presence, QueryClause } from './query-types.js';

/** Fields a word searches when the query names none. */
export const DEFAULT_FIELDS: FieldName[] = ['title', 'body', 'source', 'tags'];

export interface QueryUnit {
  /** Index terms or wildcard patterns; the unit matches when any of them does (readings of a prefix). */
  terms: string[];
  presence: Presence;
  fields: FieldName[];
  wildcard: boolean;
  editDistance: number;
  boost: number;
  /** Dictionary terms each of `terms` stands for (what the index is asked for that term). */
  termExpansions: string[][];
  /** Dictionary terms this unit stands for (all of termExpansions). */
  expansion: Set<string>;
}

export interface PreparedPhrase {
  clause: QueryClause;
  terms: string[];
}

export interface PreparedQuery {
  units: QueryUnit[];
  /** Plain words of the query: each is a list of unit indices that must all match. */
  groups: { clause: QueryClause; units: number[] }[];
  /** Required words (+word, phrases, field filters): unit indices. */
  required: { clause: QueryClause; units: number[] }[];
  /** Whether some of `required` are not filters (+word, a phrase): then they, not the plain words, find articles. */
  requiresWords: boolean;
  phrases: PreparedPhrase[];
  /** Every dictionary term of the positive units (for highlighting wildcard/fuzzy words). */
  highlightTerms: Set<string>;
  /** Plain positive words as typed (highlighted with the analyzer's matcher, strictness-aware). */
  highlightWords: string[];
}

// @types/lunr declares these static constructors as instance methods.
const TokenSets = lunr.TokenSet as unknown as {
  fromString(s: string): never;
  fromFuzzyString(s: string, editDistance: number): never;
};

function expand(dictionary: ArchiveTerms, term: string, editDistance: number): string[] {
  return dictionary.matching(editDistance ? TokenSets.fromFuzzyString(term, editDistance) : TokenSets.fromString(term));
}

/** A wildcard word as Lunr patterns: a prefix gets the analyzer's readings, other pieces are normalized. */
function wildcardPatterns(text: string): string[] {
  const pieces = text.split('*');
  if (pieces.length === 2 && pieces[0] !== '' && pieces[1] === '') {
    return queryTermsFor(pieces[0], { wildcard: true }).map((p) => `${p}*`);
  }
  const pattern = pieces.map((p) => normalizeQuery(p)).join('*');
  return pattern.replace(/\*/g, '') ? [pattern] : [];
}

/**
 * A `field:word` clause (title:, source:, person:, place:, org:) is a filter: it narrows what the rest of the
 * query finds and never brings in articles of its own.
 */
export function isFilterClause(clause: QueryClause): boolean {
  return clause.presence === 'must' && clause.fields !== undefined;
}

export function prepareQuery(parsed: ParsedQuery, dictionary: ArchiveTerms): PreparedQuery {
  const prepared: PreparedQuery = {
    units: [],
    groups: [],
    required: [],
    requiresWords: false,
    phrases: [],
    highlightTerms: new Set(),
    highlightWords: [],
  };
  const add = (clause: QueryClause, terms: string[], opts: { wildcard?: boolean; editDistance?: number; presence?: Presence }): number => {
    const base = {
      terms,
      presence: opts.presence ?? clause.presence,
      fields: clause.fields ?? DEFAULT_FIELDS,
      wildcard: opts.wildcard ?? false,
      editDistance: opts.editDistance ?? 0,
      boost: clause.boost ?? DEFAULT_CLAUSE_BOOST,
    };
    const termExpansions = terms.map((t) => expand(dictionary, t, base.editDistance));
    const unit: QueryUnit = { ...base, termExpansions, expansion: new Set(termExpansions.flat()) };
    // Plain words are highlighted by the analyzer's matcher; wildcard and fuzzy ones by their expansions.
    if (unit.presence !== 'not' && (unit.wildcard || unit.editDistance)) for (const t of unit.expansion) prepared.highlightTerms.add(t);
    prepared.units.push(unit);
    return prepared.units.length - 1;
  };
  for (const clause of parsed.clauses) {
    if (clause.kind === 'phrase') {
      const tokens = analyze(clause.text);
      const terms = tokens.map(phraseKey);
      if (!terms.length) continue;
      prepared.phrases.push({ clause, terms });
      if (clause.presence === 'not') continue;
      const units = [...new Set(tokens.filter((t) => !t.stop).map((t) => t.term))].map((t) =>
        add(clause, [t], { presence: 'must' }),
      );
      prepared.required.push({ clause, units });
      continue;
    }
    let units: number[];
    if (clause.wildcard) {
      const patterns = wildcardPatterns(clause.text);
      units = patterns.length ? [add(clause, patterns, { wildcard: true })] : [];
    } else if (clause.editDistance) {
      // A typo can mislead the stemmer (بوتبن → تبن), so the word as typed (normalized) is tried as well.
      const readings = [...new Set([queryTermFor(clause.text, { fuzzy: true }), normalizeQuery(clause.text)])].filter(Boolean);
      units = readings.length ? [add(clause, readings, { editDistance: clause.editDistance })] : [];
    } else {
      units = indexTerms(clause.text).map((t) => add(clause, [t], {}));
      if (units.length && clause.presence !== 'not' && !clause.fields?.some((f) => !DEFAULT_FIELDS.includes(f)))
        prepared.highlightWords.push(clause.text);
    }
    if (!units.length) continue;
    if (clause.presence === 'should') prepared.groups.push({ clause, units });
    else if (clause.presence === 'must') prepared.required.push({ clause, units });
  }
  prepared.requiresWords = prepared.required.some((r) => !isFilterClause(r.clause));
  return prepared;
}

