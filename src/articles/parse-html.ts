// Saved web pages: the article (not navigation, asides or footer) via Readability over linkedom, which never
// runs scripts. Metadata from <title>/og:title/h1, og:site_name/author, article:published_time/time[datetime],
// canonical/og:url, article:tag/keywords.
import { findDates } from '../dates/find-dates.js';
import { parsePublishedDate } from '../dates/parse-published-date.js';
import { flattenDeepHtml } from './html-depth.js';
import { parseHTML, readabilityModule } from './html-dom.js';
import { measureTree, nodeToText } from './html-to-text.js';
import type { ParsedFields } from './parse-txt.js';
import { cleanLine, normaliseBody, titleFromText } from './text.js';

/** linkedom's DOM, typed loosely: the project compiles without lib.dom (no DOM globals in the engine). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset a page declares in its first bytes (<meta charset> or http-equiv content-type). */
export function declaredHtmlCharset(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  return CHARSET.exec(head)?.[1];
}

/** linkedom needs a whole document; a saved fragment (no <body>) is wrapped in one. */
function asDocument(html: string): string {
  return /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export function parseHtml(page: string): ParsedFields {
  const html = flattenDeepHtml(asDocument(page));
  const { document } = parseHTML(html) as { document: Doc };
  const meta = readMeta(document);
  const article = readArticle(document);
  let title = meta.title || meta.h1 || cleanLine(article.title ?? '') || meta.docTitle;
  let text = article.text;
  if (!text) text = fallbackText(parseHTML(html).document);
  text = normaliseBody(text);
  if (title && text.startsWith(title)) {
    const rest = text.slice(title.length);
    if (rest === '' || rest.startsWith('\n')) text = rest.trim() || text;
  }
  const dateLine = leadingDateLine(text);
  if (dateLine) text = dateLine.rest;
  if (!title) title = titleFromText(text);
  const fields: ParsedFields = { title, text };
  const source =
    meta.source || cleanLine(article.siteName ?? '') || cleanLine(article.byline ?? '') || siteFromDocTitle(meta.docTitle, title);
  const date = meta.date ?? (article.publishedTime ? parsePublishedDate(article.publishedTime) : undefined) ?? dateLine?.date;
  if (source) fields.source = source;
  if (date) fields.date = date;
  if (meta.url) fields.url = meta.url;
  if (meta.tags.length) fields.tags = meta.tags;
  return fields;
}

/** "Title | Site" or "Site - Title": the part of the page title that is not the article title. */
function siteFromDocTitle(docTitle: string | undefined, title: string): string | undefined {
  if (!docTitle || !title || docTitle === title) return undefined;
  const sep = /^\s*[|\-–—»:]\s*/;
  if (docTitle.startsWith(title)) {
    const rest = docTitle.slice(title.length);
    if (sep.test(rest)) return cleanLine(rest.replace(sep, '')) || undefined;
  }
  if (docTitle.endsWith(title)) {
    const rest = docTitle.slice(0, docTitle.length - title.length);
    if (/\s*[|\-–—»:]\s*$/.test(rest)) return cleanLine(rest.replace(/\s*[|\-–—»:]\s*$/, '')) || undefined;
  }
  return undefined;
}

const MAX_DATE_LINE_CHARS = 40;
const MAX_DATE_LINE_WORDS = 6;
const ISO_TIME = /(?<=\d)T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;
/** What may remain of a date line once its dates are removed: a time, punctuation, "published/updated" words. */
const DATE_LINE_LEFTOVER = /^(?:[\s\d:.,،|\-–/()]|نشر|نُشر|في|بتاريخ|تاريخ|النشر|آخر|تحديث|التحديث|الساعة|published|updated|on|at)*$/i;

/** A first paragraph holding only the publication date (a byline <time>, "نشر في …") is metadata, not body. */
function leadingDateLine(text: string): { rest: string; date?: string } | undefined {
  const cut = text.indexOf('\n\n');
  if (cut < 0 || cut > MAX_DATE_LINE_CHARS) return undefined;
  const first = text.slice(0, cut);
  if (first.split(/\s+/).length > MAX_DATE_LINE_WORDS) return undefined;
  let leftover = first.replace(ISO_TIME, '');
  for (const span of findDates(leftover).reverse()) leftover = leftover.slice(0, span.start) + leftover.slice(span.end);
  if (leftover.length === first.length || !DATE_LINE_LEFTOVER.test(leftover)) return undefined;
  return { rest: text.slice(cut + 2), date: parsePublishedDate(first) };
}

interface PageMeta {
  title?: string;
  h1?: string;
  docTitle?: string;
  source?: string;
  date?: string;
  url?: string;
  tags: string[];
}

function attr(document: Doc, selector: string, name: string): string | undefined {
  const v = document.querySelector(selector)?.getAttribute(name);
  return typeof v === 'string' && v.trim() ? cleanLine(v) : undefined;
}

/** The article's <h1>: one inside <article>/<main>, or one the page title repeats (not a logo heading). */
function articleHeading(document: Doc, docTitle: string | undefined): string | undefined {
  const inner = cleanLine(document.querySelector('article h1, main h1')?.textContent ?? '');
  if (inner) return inner;
  const any = cleanLine(document.querySelector('h1')?.textContent ?? '');
  return any && docTitle?.includes(any) ? any : undefined;
}

function readMeta(document: Doc): PageMeta {
  const docTitle = cleanLine(document.querySelector('title')?.textContent ?? '') || undefined;
  const content = (sel: string): string | undefined => attr(document, sel, 'content');
  const dates = [
    content('meta[property="article:published_time"]'),
    content('meta[name="article:published_time"]'),
    content('meta[itemprop="datePublished"]'),
    content('meta[name="date"]'),
    content('meta[name="pubdate"]'),
    content('meta[name="publish-date"]'),
    content('meta[name="DC.date.issued"]'),
    attr(document, 'time[datetime]', 'datetime'),
    cleanLine(document.querySelector('time')?.textContent ?? ''),
  ];
  const tagNodes = [...document.querySelectorAll('meta[property="article:tag"]')] as Doc[];
  const keywords = content('meta[name="keywords"]');
  const tags = [
    ...tagNodes.map((n) => cleanLine(n.getAttribute('content') ?? '')),
    ...(keywords ? keywords.split(/[,،]/).map(cleanLine) : []),
  ].filter(Boolean);
  return {
    title: content('meta[property="og:title"]') ?? content('meta[name="twitter:title"]'),
    h1: articleHeading(document, docTitle),
    docTitle,
    source: content('meta[property="og:site_name"]') ?? content('meta[name="author"]') ?? content('meta[name="publisher"]'),
    date: dates.map((d) => (d ? parsePublishedDate(d) : undefined)).find(Boolean),
    url: attr(document, 'link[rel="canonical"]', 'href') ?? content('meta[property="og:url"]'),
    tags: [...new Set(tags)],
  };
}

interface ReadArticle {
  text: string;
  title?: string | null;
  siteName?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

/** Navigation, asides, page headers/footers and forms are never the article (a header inside it may be). */
function removeChrome(document: Doc): void {
  const chrome = [...document.querySelectorAll('nav, aside, footer, form, script:not([type="application/ld+json"]), style, noscript, template')] as Doc[];
  const pageHeaders = ([...document.querySelectorAll('header')] as Doc[]).filter((h) => !h.closest('article, main'));
  for (const el of [...chrome, ...pageHeaders]) el.remove();
}

/**
 * Readability's cost grows steeply with nesting (a 500-deep page takes seconds, 2000-deep minutes), so pathological
 * pages skip it and use the plain fallback. Real news pages nest 20–60 deep and hold a few thousand elements.
 */
const MAX_READABILITY_DEPTH = 120;
const MAX_READABILITY_ELEMENTS = 30000;

function readArticle(document: Doc): ReadArticle {
  try {
    removeChrome(document);
    const { depth, elements } = measureTree(document);
    if (depth > MAX_READABILITY_DEPTH || elements > MAX_READABILITY_ELEMENTS) return { text: '' };
    const reader = new (readabilityModule().Readability)<Doc>(document, { serializer: (node: Doc) => node, charThreshold: 200 });
    const result = reader.parse();
    if (!result || !result.content) return { text: '' };
    return {
      text: nodeToText(result.content),
      title: result.title,
      siteName: result.siteName,
      byline: result.byline,
      publishedTime: result.publishedTime,
    };
  } catch {
    return { text: '' };
  }
}

/** The page's main content without navigation, asides, headers and footers, when Readability finds nothing. */
function fallbackText(document: Doc): string {
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body ?? document.documentElement;
  if (!root) return '';
  for (const el of [...root.querySelectorAll('nav, aside, footer, header, script, style, noscript, form')] as Doc[]) el.remove();
  return nodeToText(root);
}
