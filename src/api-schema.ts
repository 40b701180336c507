// Argument schemas for every API method: IPC (main/) and HTTP (src/server) validate with these
// before a call reaches the engine. Unknown keys are rejected (strict), strings and numbers bounded.
import { z } from 'zod';
import { ApiError } from './api-error.js';
import type { ApiMethod } from './api.js';

const MAX_TEXT = 5_000_000;
const text = (max = 10_000) => z.string().max(max);
const count = z.number().int().min(0).max(1_000_000);
const entityType = z.enum(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE']);
const color = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);
const articleId = z
  .string()
  .min(1)
  .max(4096)
  .refine((id) => !id.includes('\0'), 'article id contains a NUL character');

const filters = z
  .strictObject({
    source: z.array(text(500)).max(100).optional(),
    year: z.array(z.number().int().min(0).max(9999)).max(100).optional(),
    entity: z.array(text(500)).max(100).optional(),
  })
  .optional();

const annotationFilter = z.strictObject({
  articleId: articleId.optional(),
  tag: text(200).optional(),
  color: color.optional(),
  kind: z.enum(['highlight', 'entity']).optional(),
  entityType: entityType.optional(),
  text: text(1000).optional(),
});

const none = z.union([z.undefined(), z.strictObject({})]);

export const apiSchemas = {
  openArchive: z.strictObject({ path: z.string().min(1).max(4096), followExternalLinks: z.boolean().optional() }),
  getStatus: none,
  reindex: none,
  cancelIndexing: none,
  listArticles: z.strictObject({
    offset: count.optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
    sort: z.enum(['date', 'title', 'source']).optional(),
    descending: z.boolean().optional(),
    filters,
  }),
  getArticle: z.strictObject({
    id: articleId,
    query: text(2000).optional(),
    matchDiacritics: z.boolean().optional(),
    matchHamza: z.boolean().optional(),
  }),
  search: z.strictObject({
    query: text(2000),
    offset: count.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    sort: z.enum(['relevance', 'date']).optional(),
    matchDiacritics: z.boolean().optional(),
    matchHamza: z.boolean().optional(),
    filters,
    ranking: z.enum(['lunr', 'rerank']).optional(),
  }),
  topEntities: z.strictObject({
    type: entityType.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  analyze: z.strictObject({ text: text(100_000) }),
  listAnnotations: annotationFilter,
  addAnnotation: z.strictObject({
    articleId,
    start: count.max(MAX_TEXT),
    end: count.max(MAX_TEXT),
    kind: z.enum(['highlight', 'entity']).optional(),
    color: color.optional(),
    note: text(100_000).optional(),
    tags: z.array(text(200)).max(100).optional(),
    entityType: entityType.nullable().optional(),
    archiveWide: z.boolean().optional(),
  }),
  updateAnnotation: z.strictObject({
    id: z.string().min(1).max(200),
    color: color.optional(),
    note: text(100_000).optional(),
    tags: z.array(text(200)).max(100).optional(),
    entityType: entityType.nullable().optional(),
    archiveWide: z.boolean().optional(),
  }),
  deleteAnnotation: z.strictObject({ id: z.string().min(1).max(200) }),
  exportAnnotations: z.strictObject({ format: z.enum(['json', 'md', 'csv', 'damaged']), filter: annotationFilter.optional() }),
  importAnnotations: z.strictObject({ json: text(50_000_000) }),
} satisfies Record<ApiMethod, z.ZodType>;

export class InvalidArgumentError extends ApiError {
  constructor(message: string) {
    super('invalid_argument', message);
  }
}

/** Validates one call's argument; throws InvalidArgumentError naming the method and the first problem. */
export function validateCall(method: string, arg: unknown): { method: ApiMethod; arg: unknown } {
  if (!Object.hasOwn(apiSchemas, method)) throw new InvalidArgumentError(`unknown API method: ${method}`);
  const schema = apiSchemas[method as ApiMethod];
  const parsed = schema.safeParse(arg);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidArgumentError(`${method}: ${issue.path.join('.') || 'argument'}: ${issue.message}`);
  }
  return { method: method as ApiMethod, arg: parsed.data };
}
