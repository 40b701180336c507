import type { ExportItem } from './export-item.js';
import { articleLink } from './article-link.js';

const COLUMNS = [
  'id',
  'article',
  'title',
  'kind',
  'color',
  'entity_type',
  'archive_wide',
  'quote',
  'note',
  'tags',
  'start',
  'end',
  'placed',
  'created',
  'modified',
  'link',
] as const;

/**
 * RFC 4180 CSV (CRLF line ends, fields with comma, quote or line break quoted, quotes doubled), with a UTF-8 BOM so
 * spreadsheet apps read Arabic correctly. Cells starting with = + - @ are prefixed with ' so spreadsheets do not
 * run them as formulas (OWASP CSV injection advice).
 */
export function toCsv(items: readonly ExportItem[]): string {
  const rows = items.map((a) =>
    [
      a.id,
      a.articleId,
      a.articleTitle ?? '',
      a.kind,
      a.color ?? '',
      a.entityType === undefined ? '' : (a.entityType ?? 'none'),
      a.archiveWide ? 'yes' : '',
      a.quote.exact,
      a.note ?? '',
      a.tags.join('; '),
      String(a.anchor?.start ?? a.position.start),
      String(a.anchor?.end ?? a.position.end),
      a.anchor ? 'yes' : 'no',
      a.created,
      a.modified,
      articleLink(a.articleId),
    ].map(csvField),
  );
  return '\uFEFF' + [COLUMNS.map(csvField), ...rows].map((r) => r.join(',') + '\r\n').join('');
}

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
