// Question words and request phrases ("متى", "كم", "اذكر" …): they say what kind of answer is wanted, not what
// it is about, so the re-ranker takes them out of the query before searching. "متى" asks for a date and "كم" for
// a number: passages with one near the query's words are preferred.
import { normalizeQuery } from '../analysis/index.js';
import type { ParsedQuery } from './query-types.js';

export type AnswerKind = 'date' | 'number';

// Stop words already (ما، من، هل، أي، هو، هي، الذي …) need no entry: the analyzer drops them.
const ASKS = `ماذا لماذا لماذ متى أين اين كيف كيفية كم هل أي ماهي ماهو ماذ
اذكر أذكر اذكري عرف عرّف عرفي اشرح وضح صف حدد بين أوضح اوضح ما`;
const ASKS_DATE = 'متى';
const ASKS_NUMBER = 'كم';

const CLITICS = ['', 'و', 'ف'];

function build(words: string): Set<string> {
  const set = new Set<string>();
  for (const w of words.split(/\s+/)) {
    const n = normalizeQuery(w);
    if (n) for (const c of CLITICS) set.add(c + n);
  }
  return set;
}

const QUESTION_WORDS = build(ASKS);
const DATE_WORDS = build(ASKS_DATE);
const NUMBER_WORDS = build(ASKS_NUMBER);

const trimPunctuation = (w: string) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');

export function isQuestionWord(word: string): boolean {
  return QUESTION_WORDS.has(normalizeQuery(trimPunctuation(word)));
}

/** Whether the query is a question or a request: a question word, or a question mark at its end. */
export function isQuestion(parsed: ParsedQuery, query: string): boolean {
  if (/[?\u061f]\s*$/.test(query)) return true;
  return parsed.clauses.some((c) => c.kind === 'word' && c.presence === 'should' && !c.fields && isQuestionWord(c.text));
}

/** What answer the question asks for: a date for متى, a number for كم. */
export function answerKindOf(parsed: ParsedQuery): AnswerKind | undefined {
  for (const c of parsed.clauses) {
    if (c.kind !== 'word' || c.presence !== 'should' || c.fields) continue;
    const n = normalizeQuery(trimPunctuation(c.text));
    if (DATE_WORDS.has(n)) return 'date';
    if (NUMBER_WORDS.has(n)) return 'number';
  }
  return undefined;
}

/** The query without its plain question words (kept when nothing else would be left to search for). */
export function withoutQuestionWords(parsed: ParsedQuery): ParsedQuery {
  const clauses = parsed.clauses.filter((c) => !(c.kind === 'word' && c.presence === 'should' && !c.fields && !c.wildcard && !c.editDistance && isQuestionWord(c.text)));
  return clauses.some((c) => c.presence !== 'not') ? { ...parsed, clauses } : parsed;
}
