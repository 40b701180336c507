import type { Message, QueryMessageCode } from '../messages/message.js';
import type { FieldName } from '../index/fields.js';

/** should: plain word (missing ones make a partial match); must: +word, phrases, field filters; not: -word. */
export type Presence = 'should' | 'must' | 'not';

export interface QueryClause {
  kind: 'word' | 'phrase';
  /** The words as typed (without operators). */
  text: string;
  presence: Presence;
  /** Restricts the clause to these fields; undefined means the article's text fields. */
  fields?: FieldName[];
  /** The word contains `*` (prefix, suffix or infix wildcard). */
  wildcard?: boolean;
  /** `word~N`: edit distance. */
  editDistance?: number;
  /** `word^N`. */
  boost?: number;
}

export interface ParsedQuery {
  clauses: QueryClause[];
  /** Inclusive lower bound on the article date (YYYY-MM-DD). */
  after?: string;
  /** Exclusive upper bound on the article date (YYYY-MM-DD). */
  before?: string;
  /** How a malformed query was read, for the user. */
  messages: Message<QueryMessageCode>[];
}
