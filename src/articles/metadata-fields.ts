// Reads the metadata fields of an article object (JSON, or Markdown front matter) whatever names it uses.
import { parsePublishedDate } from '../dates/parse-published-date.js';
import type { ParsedFields } from './parse-txt.js';
import { cleanLine } from './text.js';

export type Fields = Record<string, unknown>;

const TITLE_KEYS = ['title', 'headline', 'name', 'العنوان'];
const SOURCE_KEYS = ['source', 'publisher', 'site', 'site_name', 'siteName', 'agency', 'outlet', 'author', 'byline', 'المصدر'];
const DATE_KEYS = ['published', 'date', 'publishedAt', 'published_at', 'datePublished', 'pubDate', 'time', 'created', 'التاريخ'];
const URL_KEYS = ['url', 'link', 'canonical', 'href', 'source_url', 'الرابط'];
const TAG_KEYS = ['tags', 'keywords', 'categories', 'category', 'topics', 'الوسوم'];
const LOCATION_KEYS = ['location', 'city', 'dateline', 'place', 'المكان', 'المدينة'];

function first(obj: Fields, keys: string[]): unknown {
  for (const k of keys) if (obj[k] !== undefined && obj[k] !== null && obj[k] !== '') return obj[k];
  return undefined;
}

/** A one-line string from a string, number or {name} value. */
function asLine(v: unknown): string | undefined {
  if (typeof v === 'string') return cleanLine(v) || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asLine).filter(Boolean).join('، ') || undefined;
  if (v && typeof v === 'object' && 'name' in v) return asLine((v as { name: unknown }).name);
  return undefined;
}

export function readTitle(obj: Fields): string | undefined {
  return asLine(first(obj, TITLE_KEYS));
}

export function readSource(obj: Fields): string | undefined {
  return asLine(first(obj, SOURCE_KEYS));
}

export function readLocation(obj: Fields): string | undefined {
  return asLine(first(obj, LOCATION_KEYS));
}

export function readUrl(obj: Fields): string | undefined {
  const v = asLine(first(obj, URL_KEYS));
  return v && !/\s/.test(v) ? v : undefined;
}

export function readDate(obj: Fields): string | undefined {
  const v = first(obj, DATE_KEYS);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 16).replace(/T00:00$/, '');
  if (typeof v === 'number') return epochToIso(v);
  if (typeof v === 'string') return parsePublishedDate(v);
  return undefined;
}

/** Unix time in seconds or milliseconds, shown in UTC. */
function epochToIso(n: number): string | undefined {
  const ms = n < 1e11 ? n * 1000 : n;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1800 || d.getUTCFullYear() > 2199) return undefined;
  return d.toISOString().slice(0, 16);
}

export function readTags(obj: Fields): string[] {
  const v = first(obj, TAG_KEYS);
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,،;؛]/) : [];
  const tags = list.map(asLine).filter((t): t is string => Boolean(t));
  return [...new Set(tags)];
}

export type ArticleMetadata = Omit<ParsedFields, 'title' | 'text'>;

/** Source, location, date, url and tags of an article object: only those it has, in that order. */
export function readMetadata(obj: Fields): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const source = readSource(obj);
  const location = readLocation(obj);
  const date = readDate(obj);
  const url = readUrl(obj);
  const tags = readTags(obj);
  if (source) metadata.source = source;
  if (location) metadata.location = location;
  if (date) metadata.date = date;
  if (url) metadata.url = url;
  if (tags.length) metadata.tags = tags;
  return metadata;
}
