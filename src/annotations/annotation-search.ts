import type { Annotation, SearchHit, SearchRequest, Snippet } from '../api.js';
import { queryTerms, termOf, type TextAnalysisCache } from './text-analysis.js';

const SNIPPET_CHARS = 200;

export interface AnnotationSearchContext {
  analysis: TextAnalysisCache;
  /** The article's metadata, or null when it is no longer in the archive (its annotations give no hit then). */
  article: (id: string) => Promise<{ title: string; source?: string; date?: string } | null>;
  limit: number;
}

/**
 * Hits of kind 'annotation': one per article whose notes or tags contain every content word of the query (same
 * analyzer as the index: clitics, hamza, diacritics folded), ranked by how many of its annotations match, then by
 * the newest; the snippet is the newest matching note. The request's source and year filters apply.
 */
export async function annotationHits(
  annotations: readonly Annotation[],
  req: SearchRequest,
  ctx: AnnotationSearchContext,
): Promise<SearchHit[]> {
  const terms = queryTerms((await ctx.analysis.get(req.query)).tokens);
  if (terms.length === 0) return [];
  const byArticle = new Map<string, { best: Annotation; count: number }>();
  for (const a of annotations) {
    if (!a.note && a.tags.length === 0) continue;
    const searchable = await ctx.analysis.get(searchableText(a));
    if (!terms.every((t) => searchable.terms.has(t))) continue;
    const entry = byArticle.get(a.articleId);
    if (!entry) byArticle.set(a.articleId, { best: a, count: 1 });
    else {
      entry.count++;
      if (a.modified > entry.best.modified) entry.best = a;
    }
  }
  const ranked = [...byArticle.values()].sort(
    (x, y) => y.count - x.count || (y.best.modified > x.best.modified ? 1 : y.best.modified < x.best.modified ? -1 : 0),
  );
  const hits: SearchHit[] = [];
  for (const { best, count } of ranked) {
    if (hits.length >= ctx.limit) break;
    const article = await ctx.article(best.articleId);
    if (!article) continue;
    const year = article.date ? Number(article.date.slice(0, 4)) : undefined;
    if (req.filters?.source?.length && !req.filters.source.includes(article.source ?? '')) continue;
    if (req.filters?.year?.length && (year === undefined || !req.filters.year.includes(year))) continue;
    hits.push({
      id: best.articleId,
      title: article.title,
      ...(article.source ? { source: article.source } : {}),
      ...(article.date ? { date: article.date } : {}),
      score: count,
      snippet: await snippetOf(best, terms, ctx.analysis),
      kind: 'annotation',
    });
  }
  return hits;
}

/** The note (or, without one, the quoted text) followed by the tags: what note search looks at. */
function searchableText(a: Annotation): string {
  const tags = a.tags.map((t) => `#${t}`).join(' ');
  return [a.note ?? `«${a.quote.exact}»`, tags].filter((s) => s !== '').join('  ');
}

async function snippetOf(a: Annotation, terms: string[], analysis: TextAnalysisCache): Promise<Snippet> {
  const text = searchableText(a);
  const matched = (await analysis.get(text)).tokens.filter((t) => terms.includes(termOf(t)));
  const first = matched[0]?.start ?? 0;
  const from = text.length <= SNIPPET_CHARS ? 0 : Math.max(0, Math.min(first - 40, text.length - SNIPPET_CHARS));
  const to = Math.min(text.length, from + SNIPPET_CHARS);
  const shift = from > 0 ? 1 : 0; // the leading ellipsis
  return {
    text: (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : ''),
    highlights: matched
      .filter((t) => t.start >= from && t.end <= to)
      .map((t) => [t.start - from + shift, t.end - from + shift] as [number, number]),
  };
}
