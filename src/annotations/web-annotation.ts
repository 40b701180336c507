import { randomUUID } from 'node:crypto';
import type { Annotation, EntityType, HighlightColor } from '../api.js';
import { ENTITY_TYPES } from '../api.js';
import type { ExportItem } from './export-item.js';
import { ApiError } from '../api-error.js';
import { cleanTags } from './annotation-filter.js';

// The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/). Our own fields travel under the
// `archiveReader` key, declared in the context as an opaque JSON value so other tools keep and ignore it.

const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const EXTENSION_KEY = 'archiveReader';
const CONTEXT = [W3C_CONTEXT, { [EXTENSION_KEY]: { '@id': 'urn:x-archive-reader:annotation', '@type': '@json' } }];
const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'classifying';
  format?: string;
}

export function toWebAnnotation(a: ExportItem): Record<string, unknown> {
  const body: TextualBody[] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (a.kind === 'entity' && a.entityType) body.push({ type: 'TextualBody', value: a.entityType, purpose: 'classifying' });
  const motivation =
    a.kind === 'entity'
      ? a.entityType
        ? 'classifying'
        : 'editing'
      : a.note
        ? 'commenting'
        : a.tags.length > 0
          ? 'tagging'
          : 'highlighting';
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation,
    created: a.created,
    modified: a.modified,
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: a.articleId,
      selector: [
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ],
    },
    [EXTENSION_KEY]: {
      articleId: a.articleId,
      kind: a.kind,
      ...(a.color ? { color: a.color } : {}),
      ...(a.entityType !== undefined ? { entityType: a.entityType } : {}),
      ...(a.archiveWide ? { archiveWide: true } : {}),
      ...(a.articleTitle ? { title: a.articleTitle } : {}),
      placed: a.anchor !== null,
    },
  };
}

/** An AnnotationCollection with one page holding every annotation. */
export function toWebAnnotationCollection(items: readonly ExportItem[], exportedAt = new Date()): string {
  const collection = {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label: 'Archive reader annotations',
    generated: exportedAt.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: items.map(toWebAnnotation) },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

export class ImportError extends ApiError {
  constructor(message: string) {
    super('invalid_argument', message);
  }
}

/**
 * Reads annotations from Web Annotation JSON: a collection (with `first.items`), a page (`items`), an array, or a
 * single annotation. Throws ImportError naming the first item that cannot be read (nothing is imported then).
 */
export function parseWebAnnotations(json: string, now = new Date().toISOString()): Annotation[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportError(`not valid JSON: ${(err as Error).message}`);
  }
  const items = itemsOf(data);
  return items.map((item, i) => {
    try {
      return fromWebAnnotation(item, now);
    } catch (err) {
      throw new ImportError(`annotation ${i + 1}: ${(err as Error).message}`);
    }
  });
}

function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) throw new ImportError('expected a Web Annotation, an array, a page or a collection');
  if (hasType(data, 'AnnotationCollection')) {
    const items: unknown[] = [];
    for (let page: unknown = data.first; isObject(page); page = page.next) {
      if (!Array.isArray(page.items)) throw new ImportError('an AnnotationPage has no items array');
      items.push(...page.items);
    }
    if (data.first !== undefined && !isObject(data.first)) {
      throw new ImportError('the collection refers to its pages by address; embed them to import');
    }
    return items;
  }
  if (hasType(data, 'AnnotationPage')) {
    if (!Array.isArray(data.items)) throw new ImportError('the AnnotationPage has no items array');
    return data.items;
  }
  return [data];
}

function fromWebAnnotation(item: unknown, now: string): Annotation {
  if (!isObject(item) || !hasType(item, 'Annotation')) throw new Error('not of type Annotation');
  const ext = isObject(item[EXTENSION_KEY]) ? (item[EXTENSION_KEY] as Record<string, unknown>) : {};
  const target = Array.isArray(item.target) ? item.target[0] : item.target;
  if (!isObject(target)) throw new Error('the target has no source and selectors');
  const articleId = typeof ext.articleId === 'string' ? ext.articleId : target.source;
  if (typeof articleId !== 'string' || articleId === '' || articleId.length > 4096 || articleId.includes('\0')) {
    throw new Error('the target has no usable source (article id)');
  }
  const selectors = (Array.isArray(target.selector) ? target.selector : [target.selector]).filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') throw new Error('the target has no TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const start = position && isOffset(position.start) ? position.start : 0;
  const end = position && isOffset(position.end) && position.end >= start ? position.end : start;

  const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isObject);
  const notes: string[] = [];
  const tags: string[] = [];
  let classified: EntityType | undefined;
  if (typeof item.bodyValue === 'string' && item.bodyValue !== '') notes.push(item.bodyValue);
  for (const body of bodies) {
    if (typeof body.value !== 'string') continue;
    const purpose = body.purpose;
    if (purpose === 'tagging') tags.push(body.value);
    else if (purpose === 'classifying' && (ENTITY_TYPES as readonly string[]).includes(body.value)) {
      classified = body.value as EntityType;
    } else if (body.value !== '') notes.push(body.value);
  }

  const kind = ext.kind === 'entity' || ext.kind === 'highlight' ? ext.kind : classified ? 'entity' : 'highlight';
  const annotation: Annotation = {
    id: idOf(item.id),
    articleId,
    kind,
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    },
    position: { type: 'TextPositionSelector', start, end },
    tags: cleanTags(tags),
    created: isDate(item.created) ? item.created : now,
    modified: isDate(item.modified) ? item.modified : isDate(item.created) ? item.created : now,
  };
  if (notes.length > 0) annotation.note = notes.join('\n\n');
  if (typeof ext.color === 'string' && (COLORS as readonly string[]).includes(ext.color)) {
    annotation.color = ext.color as HighlightColor;
  }
  if (kind === 'entity') {
    const type = ext.entityType;
    annotation.entityType =
      type === null ? null : typeof type === 'string' && (ENTITY_TYPES as readonly string[]).includes(type) ? (type as EntityType) : (classified ?? null);
    if (ext.archiveWide === true) annotation.archiveWide = true;
  }
  return annotation;
}

/** Our ids are UUIDs (`urn:uuid:…`); another tool's id cannot be kept, so the annotation gets a new one. */
function idOf(id: unknown): string {
  if (typeof id === 'string') {
    const bare = id.replace(/^urn:uuid:/i, '');
    if (UUID.test(bare)) return bare.toLowerCase();
  }
  return randomUUID();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  return value.type === type || (Array.isArray(value.type) && value.type.includes(type));
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 50_000_000;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value));
}

/** What makes two annotations the same for import: same article, place, quote, note, tags and entity correction. */
export function sameContentKey(a: Annotation): string {
  return JSON.stringify([
    a.articleId,
    a.quote.exact,
    a.position.start,
    a.position.end,
    a.note ?? '',
    a.tags.map((t) => t.toLocaleLowerCase()).sort(),
    a.kind,
    a.entityType ?? null,
  ]);
}
