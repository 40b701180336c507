// Reads one saved article file into articles (a .jsonl or JSON array file may hold many), reporting every
// problem as a FailedFile instead of throwing: a user's data never crashes the app.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Article, ArticleFormat, FailedFile } from '../api.js';
import { decodeText, EMPTY } from './decode.js';
import { describeFsError } from './fs-errors.js';
import { articleFormatOf } from './formats.js';
import { declaredHtmlCharset, parseHtml } from './parse-html.js';
import { ArticleFailure, type FailureReason } from './failure-reason.js';
import { articleFromObject, parseJsonText } from './parse-json.js';
import { parseMd } from './parse-md.js';
import { parseTxt, type ParsedFields } from './parse-txt.js';
import { controlCharCount, removeStrayControls } from './text-checks.js';
import { utf8Length } from './text.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './size-limit.js';

export { DEFAULT_MAX_BYTES, tooLarge } from './size-limit.js';

export interface ParseResult {
  articles: Article[];
  failures: FailedFile[];
  /** Set when the file's text was repaired to be read (see decodeText): its articles are indexed with a warning. */
  repaired?: { controls: number; undecodable: number };
}

export interface ParseOptions {
  /** Files larger than this are reported, not read (default 50 MB). */
  maxBytes?: number;
}

/** Reads and parses the file at absPath; relPath (with '/' separators) becomes the article id. */
export async function parseArticleFile(absPath: string | Buffer, relPath: string, opts: ParseOptions = {}): Promise<ParseResult> {
  return parseReadFile(await readArticleFile(absPath, relPath, opts), relPath, opts);
}

/** The bytes of an article file, or why it cannot be read (then as the ParseResult to report). */
export type ReadFileResult = { bytes: Uint8Array } | { failed: ParseResult };

/** The reading half of parseArticleFile (index workers use readArticleFileSync, then parseReadFile). */
export async function readArticleFile(absPath: string | Buffer, relPath: string, opts: ParseOptions = {}): Promise<ReadFileResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const unreadable = whyNotReadable(await stat(absPath), maxBytes);
    return unreadable ? { failed: fail(relPath, unreadable) } : { bytes: await readFile(absPath) };
  } catch (e) {
    return { failed: fail(relPath, describeFsError(e)) };
  }
}

/** readArticleFile, blocking: for worker threads, which have nothing else to do meanwhile. */
export function readArticleFileSync(absPath: string | Buffer, relPath: string, opts: ParseOptions = {}): ReadFileResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let fd: number | undefined;
  try {
    // The checks are made on the opened file, so it cannot be swapped between them and the read; O_NONBLOCK keeps
    // the open of a named pipe from waiting for a writer (it is then refused as not a regular file).
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const unreadable = whyNotReadable(fstatSync(fd), maxBytes);
    return unreadable ? { failed: fail(relPath, unreadable) } : { bytes: readFileSync(fd) };
  } catch (e) {
    return { failed: fail(relPath, describeFsError(e)) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why a path is not read as an article file (a folder, a pipe, too large), or null. */
function whyNotReadable(info: Stats, maxBytes: number): FailureReason | null {
  if (info.isDirectory()) return { code: 'is-folder' };
  if (!info.isFile()) return { code: 'not-regular-file' };
  if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
  return null;
}

/** The parsing half of parseArticleFile. Never throws. */
export function parseReadFile(read: ReadFileResult, relPath: string, opts: ParseOptions = {}): ParseResult {
  return 'failed' in read ? read.failed : parseArticleBuffer(read.bytes, relPath, opts);
}

/** Parses the bytes of an article file; the format comes from relPath's extension. Never throws. */
export function parseArticleBuffer(buf: Uint8Array, relPath: string, opts: ParseOptions = {}): ParseResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const format = articleFormatOf(relPath);
  if (!format) return fail(relPath, { code: 'unknown-extension' });
  if (buf.length > maxBytes) return fail(relPath, tooLarge(buf.length, maxBytes));
  const decoded = decodeText(buf, PARSERS[format].declaredCharset?.(buf));
  if (!decoded.ok) return fail(relPath, decoded.reason);
  const parsed = parseDecoded(decoded.text, relPath, format, buf.length);
  const controls = (decoded.repaired?.controls ?? 0) + removeArticleControls(parsed.articles);
  const undecodable = decoded.repaired?.undecodable ?? 0;
  if ((controls || undecodable) && parsed.articles.length) parsed.repaired = { controls, undecodable };
  return parsed;
}

/** Takes stray control characters that JSON escaped (`\u001a`) out of the articles' titles and texts; how many. */
export function removeArticleControls(articles: Article[]): number {
  let removed = 0;
  for (const article of articles) {
    for (const field of ['title', 'text'] as const) {
      if (controlCharCount(article[field]) === 0) continue;
      const cleaned = removeStrayControls(article[field]);
      article[field] = cleaned.text;
      removed += cleaned.removed;
    }
  }
  return removed;
}

/** How each article format is read: the compiler asks for an entry for every format of ARTICLE_FORMATS. */
interface FormatParser {
  /** Its articles (and failures); may throw an ArticleFailure. */
  parse(text: string, relPath: string, bytes: number): ParseResult;
  /** The encoding the file's bytes declare, if the format can declare one. */
  declaredCharset?(buf: Uint8Array): string | undefined;
}

const PARSERS: Record<ArticleFormat, FormatParser> = {
  txt: singleArticle('txt', parseTxt, EMPTY),
  md: singleArticle('md', parseMd, EMPTY),
  html: { ...singleArticle('html', parseHtml, { code: 'no-html-text' }), declaredCharset: declaredHtmlCharset },
  json: { parse: parseJsonFile },
  jsonl: { parse: parseJsonLines },
};

/** A format whose file is one article: its fields, or `empty` when it has no text. */
function singleArticle(format: ArticleFormat, fieldsOf: (text: string) => ParsedFields, empty: FailureReason): FormatParser {
  return {
    parse(text, relPath, bytes) {
      const fields = fieldsOf(text);
      if (!fields.text.trim()) return fail(relPath, empty);
      return { articles: [toArticle(fields, relPath, bytes, format)], failures: [] };
    },
  };
}

function parseDecoded(text: string, relPath: string, format: ArticleFormat, bytes: number): ParseResult {
  try {
    return PARSERS[format].parse(text, relPath, bytes);
  } catch (e) {
    return fail(relPath, failureReasonOf(e));
  }
}

function parseJsonFile(text: string, relPath: string, bytes: number): ParseResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return fail(relPath, parsed.reason);
  if (!Array.isArray(parsed.value)) {
    try {
      return { articles: [toArticle(articleFromObject(parsed.value), relPath, bytes, 'json')], failures: [] };
    } catch (e) {
      return fail(relPath, failureReasonOf(e));
    }
  }
  const result: ParseResult = { articles: [], failures: [] };
  if (parsed.value.length === 0) return fail(relPath, { code: 'empty-json-array' });
  parsed.value.forEach((item, i) => {
    const id = `${relPath}#${i + 1}`;
    try {
      const fields = articleFromObject(item);
      result.articles.push(toArticle(fields, id, utf8Length(JSON.stringify(item)), 'json'));
    } catch (e) {
      result.failures.push({ path: id, ...failureReasonOf(e) });
    }
  });
  return result;
}

function parseJsonLines(text: string, relPath: string): ParseResult {
  const result = parseJsonLineRange(text, relPath, 1);
  if (result.articles.length === 0 && result.failures.length === 0) return fail(relPath, EMPTY);
  return result;
}

/** The articles of consecutive .jsonl lines, the first being line `firstLine` of the file (ids are `path#line`). */
export function parseJsonLineRange(text: string, relPath: string, firstLine: number): ParseResult {
  const result: ParseResult = { articles: [], failures: [] };
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const id = `${relPath}#${firstLine + i}`;
    const parsed = parseJsonText(line);
    if (!parsed.ok) {
      result.failures.push({ path: id, ...parsed.reason });
      return;
    }
    try {
      result.articles.push(toArticle(articleFromObject(parsed.value), id, utf8Length(line), 'jsonl'));
    } catch (e) {
      result.failures.push({ path: id, ...failureReasonOf(e) });
    }
  });
  return result;
}

function toArticle(fields: ParsedFields, id: string, bytes: number, format: ArticleFormat): Article {
  const article: Article = { id, title: fields.title, tags: fields.tags ?? [], bytes, format, text: fields.text };
  if (fields.source) article.source = fields.source;
  if (fields.location) article.location = fields.location;
  if (fields.date) article.date = fields.date;
  if (fields.url) article.url = fields.url;
  return article;
}

function fail(path: string, reason: FailureReason): ParseResult {
  return { articles: [], failures: [{ path, ...reason }] };
}

/** The reason a parser gave, or "could not parse" with the error's own words for a bug or a library's error. */
function failureReasonOf(e: unknown): FailureReason {
  if (e instanceof ArticleFailure) return e.reason;
  return { code: 'could-not-parse', params: { detail: e instanceof Error ? e.message : String(e) } };
}
