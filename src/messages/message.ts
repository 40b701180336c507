// What the engine tells the user, as a code with parameters, never as a sentence: each interface words it in its
// own language (the UI in Arabic or English, the CLI in English, from english.ts). Adding a code here makes the
// type checker ask for its wording in every table.

/** Values a wording fills in; numbers are formatted by the interface (digits, sizes). */
export type MessageParams = Record<string, string | number>;

export interface Message<C extends string = MessageCode> {
  code: C;
  params?: MessageParams;
}

/** Why a file (or one record of a .json/.jsonl file) could not be read as an article. */
export const FAILURE_CODES = [
  'empty-file',
  'undecodable',
  'invalid-json', // detail: the JSON parser's own words (English)
  'empty-json-array',
  'not-an-article-object', // found: 'null' | 'array' | 'string' | 'number' | 'boolean'
  'no-article-text',
  'no-html-text',
  'invalid-front-matter', // detail
  'could-not-parse', // detail
  'unknown-extension',
  'too-large', // size, limit: bytes
  'is-folder',
  'not-regular-file',
  'named-pipe',
  'device-file',
  'socket-file',
  'permission-denied', // errno
  'not-found', // errno
  'symlink-loop', // errno?
  'symlink-to-enclosing-folder', // target: absolute path
  'not-a-folder', // errno
  'too-many-open-files', // errno
  'io-error', // errno
  'path-too-long', // errno
  'cannot-read', // errno or detail
  'folder-unreadable', // reason: one of the file-system codes above, errno
  'broken-symlink',
  'folder-linked-twice', // first: the path it was read under
  'symlink-outside-archive', // target: where it leads
  'name-not-utf8-clash', // a name not valid UTF-8 that reads the same as another in its folder
  'entities-failed', // part: 'text' | 'title', detail
  'text-repaired', // controls: stray control characters removed, undecodable: byte sequences shown as U+FFFD
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** How a query was read when it had to be reinterpreted, or why it finds nothing to search for. */
export const QUERY_MESSAGE_CODES = [
  'unclosed-quote',
  'not-a-field', // text
  'empty-quotes',
  'lone-operator', // operator: '+' | '-' | '+-'…
  'date-needs-value', // field, value
  'field-needs-word', // field
  'fuzzy-too-far', // asked, max
  'lone-wildcard',
  'no-letters', // text
  'wildcard-and-fuzzy',
  'empty-date-range',
  'type-to-search',
  'only-common-words',
  'no-archive-open',
] as const;
export type QueryMessageCode = (typeof QUERY_MESSAGE_CODES)[number];

/** How indexing ended, when it did not simply finish. */
export const PROGRESS_MESSAGE_CODES = ['indexing-cancelled', 'indexing-failed', 'parsing-file'] as const;
export type ProgressMessageCode = (typeof PROGRESS_MESSAGE_CODES)[number];

export type MessageCode = FailureCode | QueryMessageCode | ProgressMessageCode;

export function message<C extends MessageCode>(code: C, params?: MessageParams): Message<C> {
  return params ? { code, params } : { code };
}
