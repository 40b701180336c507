import type { Annotation, ArticleView } from '../api.js';
import { anchor } from './anchoring.js';
import { archiveWideRules, type Correction } from './entity-corrections.js';
import { findNameOccurrences, type TextAnalysisCache } from './text-analysis.js';

export interface CorrectionContext {
  /** For names (short texts). */
  analysis: TextAnalysisCache;
  /** For article texts. */
  articleAnalysis: TextAnalysisCache;
}

/**
 * The user's entity corrections that apply to this article: its own (placed by anchoring) and every archive-wide
 * rule's name wherever it occurs in the text. Null when there are none (the view stays as the engine gave it).
 */
export async function userCorrections(
  view: ArticleView,
  annotations: readonly Annotation[],
  ctx: CorrectionContext,
): Promise<Correction[] | null> {
  const own = annotations.filter((a) => a.kind === 'entity' && a.articleId === view.id && a.entityType !== undefined);
  const rules = archiveWideRules(annotations);
  if (own.length === 0 && rules.length === 0) return null;
  const corrections: Correction[] = [];
  for (const a of own) {
    const span = anchor(view.text, a.quote, a.position);
    if (span) corrections.push({ ...span, type: a.entityType ?? null, own: true, modified: a.modified });
  }
  if (rules.length > 0) {
    const textTokens = (await ctx.articleAnalysis.get(view.text)).tokens;
    for (const rule of rules) {
      const nameTokens = (await ctx.analysis.get(rule.quote.exact)).tokens;
      for (const span of findNameOccurrences(view.text, textTokens, nameTokens)) {
        corrections.push({ ...span, type: rule.entityType ?? null, own: false, modified: rule.modified });
      }
    }
  }
  return corrections;
}
