// The English wording of every message the engine gives (the CLI prints these; `--json` adds the code).
import { sizeInEnglish } from './file-size.js';
import type { Message } from './message.js';
import { param, wordMessage, type WordingFormat, type Wordings } from './wordings.js';

const errno = (p: Record<string, unknown>) => (p.errno ? ` (${String(p.errno)})` : '');

export const ENGLISH_WORDINGS: Wordings = {
  'empty-file': () => 'empty file',
  undecodable: () => 'binary or undecodable file',
  'invalid-json': (p) => `invalid JSON: ${param(p, 'detail')}`,
  'empty-json-array': () => 'empty JSON array',
  'not-an-article-object': (p) => `expected an article object, found ${FOUND[param(p, 'found')] ?? param(p, 'found')}`,
  'no-article-text': () => 'no article text (expected "body", "text" or "content")',
  'no-html-text': () => 'no article text found in the page',
  'invalid-front-matter': (p) => `invalid YAML front matter: ${param(p, 'detail')}`,
  'could-not-parse': (p) => `could not parse: ${param(p, 'detail')}`,
  'unknown-extension': () => 'not an article file (unknown extension)',
  'too-large': (p, f) => `file too large (${f.size(Number(p.size))}; limit ${f.size(Number(p.limit))})`,
  'is-folder': () => 'is a folder, not a file',
  'not-regular-file': () => 'not a regular file',
  'named-pipe': () => 'named pipe (FIFO), not a regular file',
  'device-file': () => 'device file, not a regular file',
  'socket-file': () => 'socket, not a regular file',
  'permission-denied': (p) => `permission denied${errno(p)}`,
  'not-found': (p) => `not found (deleted or a broken symlink)${errno(p)}`,
  'symlink-loop': (p) => (p.errno ? `symlink loop${errno(p)}` : 'symlink loop (the link points back to itself)'),
  'symlink-to-enclosing-folder': (p, f) => `symlink loop (points to the enclosing folder ${f.user(param(p, 'target'))})`,
  'not-a-folder': (p) => `not a folder${errno(p)}`,
  'too-many-open-files': (p) => `too many open files${errno(p)}`,
  'io-error': (p) => `input/output error${errno(p)}`,
  'path-too-long': (p) => `path too long${errno(p)}`,
  'cannot-read': (p) => (p.errno ? `cannot read${errno(p)}` : `cannot read: ${param(p, 'detail')}`),
  'folder-unreadable': (p, f) =>
    `cannot open folder: ${p.reason ? wordMessage(ENGLISH_WORDINGS, { code: String(p.reason), params: { errno: p.errno ?? '' } }, f) : param(p, 'errno')}`,
  'broken-symlink': () => 'broken symlink (its target does not exist)',
  'symlink-outside-archive': (p, f) => `symlink leads outside the archive (to ${f.user(param(p, 'target'))}); not followed`,
  'name-not-utf8-clash': () => 'file name is not valid UTF-8 and reads the same as another one in its folder: rename it',
  'folder-linked-twice': (p, f) => `same folder as ${f.user(param(p, 'first') || '.')} (linked twice), read once`,
  'text-repaired': (p, f) => {
    const controls = Number(p.controls ?? 0);
    const undecodable = Number(p.undecodable ?? 0);
    const parts: string[] = [];
    if (controls) parts.push(`${f.number(controls)} stray control character${controls === 1 ? '' : 's'} removed`);
    if (undecodable) parts.push(`${f.number(undecodable)} undecodable byte sequence${undecodable === 1 ? '' : 's'} shown as \uFFFD`);
    return `text repaired: ${parts.join(', ')}`;
  },
  'entities-failed': (p) => `entities of the ${param(p, 'part')} could not be found (${param(p, 'detail')}); indexed without them`,

  'unclosed-quote': () => 'The closing quote is missing: the rest of the query was read as one phrase.',
  'not-a-field': (p, f) => `“${f.user(param(p, 'text'))}” before the quote is not a field name; it was ignored.`,
  'empty-quotes': () => 'Empty quotes were ignored.',
  'lone-operator': (p, f) =>
    `A lone “${f.syntax(param(p, 'operator'))}” was ignored: put it right before a word, like ${f.syntax('-word')} or ${f.syntax('+word')}.`,
  'date-needs-value': (p, f) => {
    const name = param(p, 'field');
    const like = [`${name}:2021-11-26`, `${name}:2021-11`, `${name}:2021`].map(f.syntax);
    return `${f.syntax(`${name}:`)} needs a date like ${like[0]}, ${like[1]} or ${like[2]}; “${f.user(param(p, 'value'))}” was ignored.`;
  },
  'field-needs-word': (p, f) =>
    `${f.syntax(`${param(p, 'field')}:`)} needs a word after it, like ${f.syntax(`${param(p, 'field')}:word`)}; it was ignored.`,
  'fuzzy-too-far': (p, f) =>
    `Fuzzy matching allows at most ${param(p, 'max')} edits; ${f.syntax(`~${param(p, 'asked')}`)} was read as ${f.syntax(`~${param(p, 'max')}`)}.`,
  'lone-wildcard': (_, f) => `A lone ${f.syntax('*')} would match every article; add some letters before it, like ${f.syntax('word*')}.`,
  'no-letters': (p, f) => `“${f.user(param(p, 'text'))}” has no letters to search for; it was ignored.`,
  'wildcard-and-fuzzy': (_, f) => `A word cannot be both a wildcard and fuzzy; the ${f.syntax('~')} was ignored.`,
  'empty-date-range': (_, f) => `The date range is empty: ${f.syntax('after:')} is not before ${f.syntax('before:')}.`,
  'type-to-search': () => 'Type a word to search.',
  'only-common-words': () => 'Nothing to search for: the query has only common words.',
  'no-archive-open': () => 'No archive is open.',

  'indexing-cancelled': () => 'indexing was cancelled',
  'indexing-failed': (p) => param(p, 'detail'),
  'parsing-file': (p, f) => `${f.user(param(p, 'path'))}: ${f.number(Number(p.done))}/${f.number(Number(p.total))}`,
};

const FOUND: Record<string, string> = { null: 'null', array: 'an array', string: 'a string', number: 'a number' };

const plain = (text: string) => text;
const ENGLISH_FORMAT: WordingFormat = { number: (n) => String(n), size: sizeInEnglish, syntax: plain, user: plain };

/** The message in English, as the CLI prints it. */
export function englishText(m: Message<string>): string {
  return wordMessage(ENGLISH_WORDINGS, m, ENGLISH_FORMAT);
}

/** Several messages as one English paragraph. */
export function englishTexts(messages: readonly Message<string>[]): string {
  return messages.map(englishText).join(' ');
}

/** "1 article", "2 articles": a count with its noun in the English singular or plural. */
export function countInEnglish(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
