// JSON articles: one object {title, body|text|content, source, date|published, url, tags, location}, or an
// array of such objects (each becomes an article with id '#n', n 1-based). JSONL: one object per line.
import { ArticleFailure, type FailureReason } from './failure-reason.js';
import type { ParsedFields } from './parse-txt.js';
import { readMetadata, readTitle, type Fields } from './metadata-fields.js';
import { htmlFragmentToText, looksLikeHtml } from './html-to-text.js';
import { normaliseBody, titleFromText } from './text.js';

const BODY_KEYS = ['body', 'text', 'content', 'article', 'articleBody', 'description', 'النص', 'المحتوى'];


/** Reads one article object; throws ArticleFailure with a reason a user can act on. */
export function articleFromObject(value: unknown): ParsedFields {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArticleFailure({ code: 'not-an-article-object', params: { found: kindOf(value) } });
  }
  const obj = value as Fields;
  const rawBody = BODY_KEYS.map((k) => asBodyText(obj[k])).find((v) => v !== undefined && v.trim() !== '');
  const title = readTitle(obj);
  if (rawBody === undefined && !title) throw new ArticleFailure({ code: 'no-article-text' });
  const text = rawBody === undefined ? '' : normaliseBody(looksLikeHtml(rawBody) ? htmlFragmentToText(rawBody) : rawBody);
  if (!text) throw new ArticleFailure({ code: 'no-article-text' });
  return { title: title ?? titleFromText(text), text, ...readMetadata(obj) };
}

/** A body given as a string, or as a list of paragraph strings. */
function asBodyText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string')) return v.join('\n\n');
  return undefined;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

/** JSON.parse with a short reason on failure (the position, not the whole input). */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: FailureReason } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const detail = (e as Error).message.replace(/\s+/g, ' ').slice(0, 160);
    const position = /at position (\d+)/.exec(detail)?.[1];
    return { ok: false, reason: { code: 'invalid-json', params: position ? { detail, position: Number(position) } : { detail } } };
  }
}
