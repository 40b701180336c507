// JSON articles: one object {title, body|text|content, source, date|published, url, tags, location}, or an
// array of such objects (each becomes an article with id '#n', n 1-based). JSONL: one object per line.
import type { ParsedFields } from './parse-txt.js';
import { readMetadata, readTitle, type Fields } from './metadata-fields.js';
import { htmlFragmentToText, looksLikeHtml } from './html-to-text.js';
import { normaliseBody, titleFromText } from './text.js';

const BODY_KEYS = ['body', 'text', 'content', 'article', 'articleBody', 'description', 'النص', 'المحتوى'];

export class ArticleObjectError extends Error {}

/** Reads one article object; throws ArticleObjectError with a reason a user can act on. */
export function articleFromObject(value: unknown): ParsedFields {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArticleObjectError(`expected an article object, found ${describe(value)}`);
  }
  const obj = value as Fields;
  const rawBody = BODY_KEYS.map((k) => asBodyText(obj[k])).find((v) => v !== undefined && v.trim() !== '');
  const title = readTitle(obj);
  if (rawBody === undefined && !title) throw new ArticleObjectError('no article text (expected "body", "text" or "content")');
  const text = rawBody === undefined ? '' : normaliseBody(looksLikeHtml(rawBody) ? htmlFragmentToText(rawBody) : rawBody);
  if (!text) throw new ArticleObjectError('no article text (expected "body", "text" or "content")');
  return { title: title ?? titleFromText(text), text, ...readMetadata(obj) };
}

/** A body given as a string, or as a list of paragraph strings. */
function asBodyText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string')) return v.join('\n\n');
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v;
}

/** JSON.parse with a short reason on failure (the position, not the whole input). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 160)}` };
  }
}
