import { randomUUID } from 'node:crypto';
import type {
  AnchoredAnnotation,
  Annotation,
  AnnotationFilter,
  AnnotationInput,
  AnnotationPatch,
  ArchiveApi,
  ArticleView,
  EngineApi,
  ExportFormat,
  SearchHit,
  SearchRequest,
  SearchResult,
} from './api.js';
import { ApiError } from './api-error.js';
import { validateCall, InvalidArgumentError } from './api-schema.js';
import { AnnotationStore } from './annotations/annotation-store.js';
import { cleanTags, matchesFilter } from './annotations/annotation-filter.js';
import { anchor, buildSelectors } from './annotations/anchoring.js';
import { applyCorrections } from './annotations/entity-corrections.js';
import { userCorrections } from './annotations/article-corrections.js';
import { annotationHits } from './annotations/annotation-search.js';
import type { ExportItem } from './annotations/export-item.js';
import { toCsv } from './annotations/export-csv.js';
import { toMarkdown } from './annotations/export-markdown.js';
import { TextAnalysisCache } from './annotations/text-analysis.js';
import { parseWebAnnotations, sameContentKey, toWebAnnotationCollection } from './annotations/web-annotation.js';

/** An archive-wide name longer than this is not a name: refuse rather than paint whole sentences everywhere. */
const MAX_RULE_CHARS = 120;
const MAX_RULE_WORDS = 8;
/** Annotation hits added to the first page of search results at most. */
const MAX_ANNOTATION_HITS = 20;

export type ClosableEngine = EngineApi & { close?(): Promise<void> };

export interface ArchiveApp extends ArchiveApi {
  close(): Promise<void>;
}

/**
 * The whole API: every engine method, with the user's annotations added — their own methods, user entity
 * corrections merged into getArticle's entities, and annotation hits in search (see `search` below).
 */
export function createArchiveApp(engine: ClosableEngine): ArchiveApp {
  let store: AnnotationStore | null = null;
  const analyzeText = async (text: string) => engine.analyze({ text });
  // Notes, tags, names and queries: short and reused often. Article texts: few at a time (the ones being read).
  const analysis = new TextAnalysisCache(analyzeText, 5000);
  const articleAnalysis = new TextAnalysisCache(analyzeText, 8);

  async function currentStore(): Promise<AnnotationStore> {
    const { root } = await engine.getStatus();
    if (!root) throw new ApiError('no_archive', 'no archive is open');
    if (!store || store.root !== root) store = new AnnotationStore(root);
    return store;
  }

  async function articleText(id: string): Promise<{ text: string; title: string; source?: string; date?: string } | null> {
    try {
      const view = await engine.getArticle({ id });
      return { text: view.text, title: view.title, source: view.source, date: view.date };
    } catch {
      return null;
    }
  }

  async function requireArticle(id: string) {
    const article = await articleText(id);
    if (!article) throw new InvalidArgumentError(`no article with id ${JSON.stringify(id)} in this archive`);
    return article;
  }

  /** Places annotations on their articles' current text (each article fetched once); orphans get anchor null. */
  async function place(annotations: Annotation[]): Promise<AnchoredAnnotation[]> {
    const texts = new Map<string, Promise<Awaited<ReturnType<typeof articleText>>>>();
    const out: AnchoredAnnotation[] = [];
    for (const a of annotations) {
      if (!texts.has(a.articleId)) texts.set(a.articleId, articleText(a.articleId));
    }
    for (const a of annotations) {
      const article = await texts.get(a.articleId)!;
      const placed: AnchoredAnnotation = { ...a, anchor: article ? anchor(article.text, a.quote, a.position) : null };
      if (article) placed.articleTitle = article.title;
      out.push(placed);
    }
    return out;
  }

  async function noteMatches(a: Annotation, wanted: string): Promise<boolean> {
    if (!a.note) return false;
    return (await analysis.get(a.note)).norm.includes(wanted);
  }

  function checkEntityFields(kind: Annotation['kind'], entityType: Annotation['entityType'], archiveWide?: boolean) {
    if (kind === 'highlight' && (entityType !== undefined || archiveWide)) {
      throw new InvalidArgumentError('entityType and archiveWide belong to annotations of kind "entity"');
    }
    if (kind === 'entity' && entityType === undefined) {
      throw new InvalidArgumentError('an entity annotation needs entityType (a type, or null to remove the entity)');
    }
  }

  function checkRuleName(a: Annotation) {
    if (a.kind !== 'entity' || !a.archiveWide) return;
    const words = a.quote.exact.trim().split(/\s+/).length;
    if (a.quote.exact.length > MAX_RULE_CHARS || words > MAX_RULE_WORDS) {
      throw new InvalidArgumentError(
        `an archive-wide correction applies to a name (at most ${MAX_RULE_WORDS} words); select just the name`,
      );
    }
  }

  async function listPlaced(filter: AnnotationFilter) {
    const s = await currentStore();
    let selected = (await s.all()).filter((a) => matchesFilter(a, filter));
    if (filter.text !== undefined && filter.text.trim() !== '') {
      const wanted = (await analysis.get(filter.text)).norm;
      const keep = await Promise.all(selected.map((a) => noteMatches(a, wanted)));
      selected = selected.filter((_, i) => keep[i]);
    }
    const placed = await place(selected);
    // By article, then by place in the text (orphans after the placed ones of their article).
    return placed.sort(
      (a, b) =>
        (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0) ||
        (a.anchor?.start ?? Infinity) - (b.anchor?.start ?? Infinity) ||
        (a.created < b.created ? -1 : 1),
    );
  }

  async function getArticle(req: Parameters<EngineApi['getArticle']>[0]): Promise<ArticleView> {
    const view = await engine.getArticle(req);
    let corrections;
    try {
      if (!(await engine.getStatus()).root) return view;
      corrections = await userCorrections(view, await (await currentStore()).all(), { analysis, articleAnalysis });
    } catch {
      return view; // an unreadable annotations file must not keep the article from being read
    }
    if (corrections === null) return view;
    return { ...view, entities: applyCorrections(view.text, view.entities, corrections) };
  }

  /**
   * Article hits from the engine; on the first page (offset 0), the articles whose notes or tags contain every query
   * word follow as hits of kind 'annotation' (snippet from the note). They are extra: `total` and paging count
   * articles only, so the engine's paging stays exact; the renderer shows them as "in your notes".
   */
  async function search(req: SearchRequest): Promise<SearchResult> {
    // The annotations are read first: after the engine's search, a read of the log let every other search waiting
    // to run go before this one's answer, so that searches sent together were all answered together.
    const withAnnotations = (req.offset ?? 0) === 0 && req.query.trim() !== '';
    const annotations = withAnnotations ? await currentAnnotations() : null;
    const result = await engine.search(req);
    if (!annotations) return result;
    let hits: SearchHit[];
    try {
      hits = await annotationHits(annotations, req, { analysis, article: articleText, limit: MAX_ANNOTATION_HITS });
    } catch {
      return result;
    }
    return hits.length > 0 ? { ...result, hits: [...result.hits, ...hits] } : result;
  }

  /** The annotations, or null when no archive is open or the store cannot be read (article hits still count). */
  async function currentAnnotations(): Promise<Annotation[] | null> {
    try {
      if (!(await engine.getStatus()).root) return null;
      return await (await currentStore()).all();
    } catch {
      return null;
    }
  }

  const api: ArchiveApp = {
    openArchive: (req) => engine.openArchive(req),
    async getStatus() {
      const status = await engine.getStatus();
      if (!status.root) return status;
      const damaged = await currentStore()
        .then((s) => s.damagedRecords())
        .catch(() => []);
      return damaged.length ? { ...status, damagedAnnotations: damaged.length } : status;
    },
    reindex: () => engine.reindex(),
    cancelIndexing: () => engine.cancelIndexing(),
    listArticles: (req) => engine.listArticles(req),
    getArticle,
    search,
    topEntities: (req) => engine.topEntities(req),
    analyze: (req) => engine.analyze(req),

    async listAnnotations(req) {
      const filter = validateCall('listAnnotations', req ?? {}).arg as AnnotationFilter;
      return listPlaced(filter);
    },

    async addAnnotation(req) {
      const input = validateCall('addAnnotation', req).arg as AnnotationInput;
      const s = await currentStore();
      const article = await requireArticle(input.articleId);
      if (input.start >= input.end || input.end > article.text.length) {
        throw new InvalidArgumentError(
          `the range ${input.start}–${input.end} is not a non-empty range of the article (length ${article.text.length})`,
        );
      }
      const kind = input.kind ?? (input.entityType !== undefined || input.archiveWide ? 'entity' : 'highlight');
      checkEntityFields(kind, input.entityType, input.archiveWide);
      const now = new Date().toISOString();
      const annotation: Annotation = {
        id: randomUUID(),
        articleId: input.articleId,
        kind,
        ...buildSelectors(article.text, input.start, input.end),
        tags: cleanTags(input.tags),
        created: now,
        modified: now,
      };
      if (kind === 'highlight') annotation.color = input.color ?? 'yellow';
      else if (input.color) annotation.color = input.color;
      if (input.note !== undefined && input.note.trim() !== '') annotation.note = input.note;
      if (kind === 'entity') {
        annotation.entityType = input.entityType ?? null;
        if (input.archiveWide) annotation.archiveWide = true;
      }
      checkRuleName(annotation);
      await s.put(annotation);
      return { ...annotation, anchor: { start: input.start, end: input.end }, articleTitle: article.title };
    },

    async updateAnnotation(req) {
      const patch = validateCall('updateAnnotation', req).arg as AnnotationPatch;
      const s = await currentStore();
      const updated = await s.transact((current) => {
        const old = current.get(patch.id);
        if (!old) throw new ApiError('not_found', `no annotation with id ${JSON.stringify(patch.id)}`);
        const next: Annotation = { ...old, modified: laterThan(old.modified) };
        if (patch.color !== undefined) next.color = patch.color;
        if (patch.note !== undefined) {
          if (patch.note.trim() === '') delete next.note;
          else next.note = patch.note;
        }
        if (patch.tags !== undefined) next.tags = cleanTags(patch.tags);
        if (patch.entityType !== undefined) next.entityType = patch.entityType;
        if (patch.archiveWide !== undefined) {
          if (patch.archiveWide) next.archiveWide = true;
          else delete next.archiveWide;
        }
        checkEntityFields(next.kind, next.entityType, next.archiveWide);
        checkRuleName(next);
        return { records: [{ op: 'put', annotation: next }], result: next };
      });
      const [placed] = await place([updated]);
      return placed;
    },

    async deleteAnnotation(req) {
      const { id } = validateCall('deleteAnnotation', req).arg as { id: string };
      const s = await currentStore();
      await s.transact((current) => {
        if (!current.has(id)) throw new ApiError('not_found', `no annotation with id ${JSON.stringify(id)}`);
        return { records: [{ op: 'delete', id, at: new Date().toISOString() }], result: undefined };
      });
    },

    async exportAnnotations(req) {
      const { format, filter } = validateCall('exportAnnotations', req).arg as {
        format: ExportFormat;
        filter?: AnnotationFilter;
      };
      if (format === 'damaged') {
        const damaged = await (await currentStore()).damagedRecords();
        return damaged.map((d) => d.text + '\n').join('');
      }
      const items: ExportItem[] = await listPlaced(filter ?? {});
      if (format === 'json') return toWebAnnotationCollection(items);
      if (format === 'md') return toMarkdown(items);
      return toCsv(items);
    },

    async importAnnotations(req) {
      const { json } = validateCall('importAnnotations', req).arg as { json: string };
      const incoming = parseWebAnnotations(json);
      const s = await currentStore();
      return s.transact((current) => {
        const ids = new Set(current.keys());
        const contents = new Set([...current.values()].map(sameContentKey));
        const records: { op: 'put'; annotation: Annotation }[] = [];
        let skipped = 0;
        for (const a of incoming) {
          const key = sameContentKey(a);
          if (ids.has(a.id) || contents.has(key)) {
            skipped++;
            continue;
          }
          ids.add(a.id);
          contents.add(key);
          records.push({ op: 'put', annotation: a });
        }
        return { records, result: { added: records.length, skipped } };
      });
    },

    async close() {
      await store?.idle();
      await engine.close?.();
    },
  };
  return api;
}

/** Now, or just after `previous` when the clock has not moved past it (keeps "modified" strictly increasing). */
function laterThan(previous: string): string {
  const now = Date.now();
  const before = Date.parse(previous);
  return new Date(Number.isNaN(before) || now > before ? now : before + 1).toISOString();
}
