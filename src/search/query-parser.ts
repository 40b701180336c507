// Reads the search box into a structured query. Never throws: whatever the user types gets a sensible
// reading, and anything that had to be reinterpreted is explained in `messages`.
//
//   words            articles with all words first, then those missing some (partial)
//   +word  -word     required / excluded
//   "exact phrase"   the words consecutively, in this order (also +"…", -"…", title:"…")
//   word*  *word     prefix / suffix wildcard;  word~1  fuzzy (edit distance 1 or 2);  word^2  boost
//   title: body: source: tag: person: place: org:   restrict a word or phrase to a field
//   after:YYYY[-MM[-DD]]  before:YYYY[-MM[-DD]]     dates (after is inclusive, before exclusive)
import { QUERY_FIELD_ALIASES, type FieldName } from '../index/fields.js';
import { message, type MessageParams, type QueryMessageCode } from '../messages/message.js';
import type { ParsedQuery, Presence, QueryClause } from './query-types.js';

const DATE_FIELDS = new Set(['after', 'before', 'since', 'until']);
const MAX_EDIT_DISTANCE = 2;

interface RawToken {
  text: string;
  quoted: boolean;
  /** Text before the opening quote (operators / field prefix) for quoted tokens. */
  prefix: string;
  unclosed?: boolean;
}

function splitTokens(query: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    while (i < n && /\s/.test(query[i])) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !/\s/.test(query[j]) && query[j] !== '"') j++;
    if (j < n && query[j] === '"') {
      const prefix = query.slice(i, j);
      const close = query.indexOf('"', j + 1);
      if (close < 0) {
        out.push({ text: query.slice(j + 1), quoted: true, prefix, unclosed: true });
        break;
      }
      out.push({ text: query.slice(j + 1, close), quoted: true, prefix });
      i = close + 1;
      continue;
    }
    out.push({ text: query.slice(i, j), quoted: false, prefix: '' });
    i = j;
  }
  return out;
}

/** YYYY, YYYY-MM or YYYY-MM-DD (also with / or .) → the first day it covers, and the first day after it. */
export function parseDateBound(raw: string): { from: string; next: string } | null {
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(raw.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (mo !== undefined && (mo < 1 || mo > 12)) return null;
  const fmt = (dt: Date) => dt.toISOString().slice(0, 10);
  if (mo === undefined) return { from: `${m[1]}-01-01`, next: `${String(y + 1).padStart(4, '0')}-01-01` };
  if (d === undefined) return { from: fmt(new Date(Date.UTC(y, mo - 1, 1))), next: fmt(new Date(Date.UTC(y, mo, 1))) };
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || d < 1) return null;
  return { from: fmt(date), next: fmt(new Date(Date.UTC(y, mo - 1, d + 1))) };
}

function operators(prefix: string): { presence: Presence | null; rest: string; lone: boolean } {
  let presence: Presence | null = null;
  let rest = prefix;
  while (rest.startsWith('+') || rest.startsWith('-')) {
    presence = rest[0] === '+' ? 'must' : 'not';
    rest = rest.slice(1);
  }
  return { presence, rest, lone: prefix.length > 0 && rest.length === 0 };
}

type Note = (code: QueryMessageCode, params?: MessageParams) => void;

export function parseQuery(query: string): ParsedQuery {
  const result: ParsedQuery = { clauses: [], messages: [] };
  const note: Note = (code, params) => {
    const m = message(code, params);
    if (!result.messages.some((seen) => JSON.stringify(seen) === JSON.stringify(m))) result.messages.push(m);
  };
  const tokens = splitTokens(query);
  for (let k = 0; k < tokens.length; ) {
    if (tokens[k].quoted) {
      readPhrase(tokens[k], result, note);
      k++;
    } else k += readWord(tokens, k, result, note);
  }
  if (result.after && result.before && result.after >= result.before) note('empty-date-range');
  if (!result.clauses.length && !result.after && !result.before && !result.messages.length && query.trim() === '')
    note('type-to-search');
  return result;
}

/** A quoted token: a phrase, required unless excluded, maybe restricted to a field. */
function readPhrase(tok: RawToken, result: ParsedQuery, note: Note): void {
  if (tok.unclosed) note('unclosed-quote');
  const op = operators(tok.prefix);
  let fields: FieldName[] | undefined;
  if (op.rest) {
    const name = op.rest.endsWith(':') ? op.rest.slice(0, -1).toLowerCase() : null;
    const field = name !== null ? QUERY_FIELD_ALIASES[name] : undefined;
    if (field) fields = [field];
    else if (op.rest.trim()) note('not-a-field', { text: op.rest });
  }
  const text = tok.text.trim();
  if (!text) {
    if (!tok.unclosed) note('empty-quotes');
    return;
  }
  const presence: Presence = op.presence === 'not' ? 'not' : 'must';
  result.clauses.push({ kind: 'phrase', text, presence, fields });
}

/** The unquoted token at `k` (a word, a date bound, or `field:` with the token after it); returns how many tokens
 * it took. */
function readWord(tokens: RawToken[], k: number, result: ParsedQuery, note: Note): number {
  const tok = tokens[k];
  let word = tok.text;
  const op = operators(word);
  if (op.lone) {
    note('lone-operator', { operator: word });
    return 1;
  }
  word = op.rest;
  let presence: Presence = op.presence ?? 'should';
  let fields: FieldName[] | undefined;
  let taken = 1;
  const colon = word.indexOf(':');
  if (colon > 0) {
    const name = word.slice(0, colon).toLowerCase();
    const value = word.slice(colon + 1);
    if (DATE_FIELDS.has(name)) {
      readDateBound(name, value, result, note);
      return 1;
    }
    const field = QUERY_FIELD_ALIASES[name];
    if (field) {
      if (!value) {
        // `title: word` — apply the field to the next word when there is one.
        const next = tokens[k + 1];
        if (next && !next.quoted && !next.text.includes(':')) {
          taken = 2;
          word = next.text;
        } else if (next && next.quoted && !next.prefix) {
          result.clauses.push({ kind: 'phrase', text: next.text.trim(), presence: presence === 'not' ? 'not' : 'must', fields: [field] });
          return 2;
        } else {
          note('field-needs-word', { field: name });
          return 1;
        }
      } else word = value;
      fields = [field];
      if (presence === 'should') presence = 'must';
    }
  }
  const clause = wordClause(word, presence, fields, tok.text, note);
  if (clause) result.clauses.push(clause);
  return taken;
}

/** `after:`, `before:`, `since:` or `until:` with its date. */
function readDateBound(name: string, value: string, result: ParsedQuery, note: Note): void {
  const bound = parseDateBound(value);
  if (!bound) {
    note('date-needs-value', { field: name, value });
    return;
  }
  if (name === 'after' || name === 'since') result.after = bound.from;
  else result.before = name === 'until' ? bound.next : bound.from;
}

/** A word with its boost (^n), fuzziness (~n) and wildcards read off; null when no letters remain. */
function wordClause(typed: string, presence: Presence, fields: FieldName[] | undefined, tokenText: string, note: Note): QueryClause | null {
  let word = typed;
  let boost: number | undefined;
  const boostMatch = /\^(\d+(?:\.\d+)?)$/.exec(word);
  if (boostMatch) {
    boost = Number(boostMatch[1]) || undefined;
    word = word.slice(0, boostMatch.index);
  }
  let editDistance: number | undefined;
  const fuzzy = /~(\d*)$/.exec(word);
  if (fuzzy) {
    const n = fuzzy[1] === '' ? 1 : Number(fuzzy[1]);
    editDistance = Math.min(Math.max(n, 0), MAX_EDIT_DISTANCE) || undefined;
    if (n > MAX_EDIT_DISTANCE) note('fuzzy-too-far', { asked: n, max: MAX_EDIT_DISTANCE });
    word = word.slice(0, fuzzy.index);
  }
  word = word.replace(/\*{2,}/g, '*');
  const letters = word.replace(/[*~^:+-]/g, '');
  if (!letters) {
    if (word.includes('*')) note('lone-wildcard');
    else if (word) note('no-letters', { text: tokenText });
    return null;
  }
  const wildcard = word.includes('*');
  if (wildcard && editDistance) {
    note('wildcard-and-fuzzy');
    editDistance = undefined;
  }
  return { kind: 'word', text: word, presence, fields, wildcard: wildcard || undefined, editDistance, boost };
}
