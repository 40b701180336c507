import { z } from 'zod';
import type { Annotation } from '../api.js';

const entityType = z.enum(['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE']);
const offset = z.number().int().min(0);

/** What a stored annotation must look like; records that do not fit (hand edits, a newer version) are skipped. */
export const annotationSchema = z.object({
  id: z.string().min(1).max(200),
  articleId: z.string().min(1).max(4096),
  kind: z.enum(['highlight', 'entity']),
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  color: z.enum(['yellow', 'green', 'blue', 'pink', 'purple']).optional(),
  note: z.string().optional(),
  tags: z.array(z.string()),
  entityType: entityType.nullable().optional(),
  archiveWide: z.boolean().optional(),
  created: z.string(),
  modified: z.string(),
}) satisfies z.ZodType<Annotation>;

/** One line of the log: an annotation as it now is, or the removal of one. */
export type LogRecord = { op: 'put'; annotation: Annotation } | { op: 'delete'; id: string; at: string };

const recordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), annotation: annotationSchema }),
  z.object({ op: z.literal('delete'), id: z.string().min(1), at: z.string() }),
]);

export function parseLogRecord(value: unknown): LogRecord | undefined {
  const parsed = recordSchema.safeParse(value);
  return parsed.success ? (parsed.data as LogRecord) : undefined;
}
