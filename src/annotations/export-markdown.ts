import type { ExportItem } from './export-item.js';
import { articleFileLink, articleLink } from './article-link.js';

/** Markdown grouped by article (in the given order), each annotation as a block quote with its note below. */
export function toMarkdown(items: readonly ExportItem[], exportedAt = new Date()): string {
  const byArticle = new Map<string, ExportItem[]>();
  for (const item of items) {
    const list = byArticle.get(item.articleId) ?? [];
    list.push(item);
    byArticle.set(item.articleId, list);
  }
  const out: string[] = [
    '# Annotations',
    '',
    `_${items.length} annotation${items.length === 1 ? '' : 's'} in ${byArticle.size} article${byArticle.size === 1 ? '' : 's'}, exported ${exportedAt.toISOString().slice(0, 10)}._`,
    '',
  ];
  for (const [articleId, list] of byArticle) {
    const title = list[0].articleTitle ?? articleId;
    out.push(`## [${escapeInline(title)}](${articleLink(articleId)})`, '');
    out.push(`File: [${escapeInline(articleId)}](${articleFileLink(articleId)})`, '');
    for (const a of list) {
      out.push(...a.quote.exact.split(/\r?\n/).map((line) => `> ${line}`), '');
      if (a.note) out.push(a.note, '');
      const facts: string[] = [];
      if (a.kind === 'entity') {
        const what = a.entityType ? `marked as ${a.entityType}` : 'not an entity';
        facts.push(a.archiveWide ? `${what}, everywhere in the archive` : what);
      }
      if (a.color) facts.push(a.color);
      if (a.tags.length > 0) facts.push(a.tags.map((t) => `#${t.replace(/\s+/g, '_')}`).join(' '));
      if (!a.anchor) facts.push('could not be placed on the current text of the article');
      if (facts.length > 0) out.push(`_${facts.map(escapeInline).join(' · ')}_`, '');
    }
  }
  return out.join('\n');
}

function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}
