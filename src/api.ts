// The application's API: what the engine implements and what IPC (Electron) and HTTP (browser mode)
// proxy to the renderer. Every method takes at most one plain-object argument and returns plain data
// (JSON-serialisable), so each transport can forward it unchanged. Argument schemas live in api-schema.ts.

import type { FailureCode, Message, MessageParams, ProgressMessageCode, QueryMessageCode } from './messages/message.js';

export type { FailureCode, Message, MessageCode, MessageParams, ProgressMessageCode, QueryMessageCode } from './messages/message.js';

export type EntityType = 'PERSON' | 'LOCATION' | 'ORGANIZATION' | 'DATE';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE'];

/** A span of text; start/end are UTF-16 offsets into the text it was found in (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

export interface EntitySpan extends Span {
  type: EntityType;
  text: string;
  /** DATE only: ISO date (YYYY-MM-DD), year-month (YYYY-MM) or year (YYYY), when the text determines one. */
  value?: string;
  /** 'auto' from the tagger; 'user' from a correction the user taught (annotations issue). */
  origin?: 'auto' | 'user';
}

export { ARTICLE_FORMAT_LABELS, ARTICLE_FORMATS, type ArticleFormat } from './article-formats.js';
import type { ArticleFormat } from './article-formats.js';

export interface ArticleMeta {
  /** Path relative to the archive root with '/' separators, plus '#n' (1-based line) for .jsonl lines. */
  id: string;
  title: string;
  source?: string;
  /** City dateline, when the article has one. */
  location?: string;
  /** ISO 8601: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm' (local time as written in the article). */
  date?: string;
  url?: string;
  tags: string[];
  /** Size of the file (or of the jsonl line) in bytes. */
  bytes: number;
  format: ArticleFormat;
}

export interface Article extends ArticleMeta {
  /** The body exactly as the reader shows it; every offset in the API points into this string. */
  text: string;
}

/** A file (or one record of it) that could not be read, and why: a code the interface words in its language. */
export interface FailedFile {
  path: string;
  code: FailureCode;
  params?: MessageParams;
}

export type IndexPhase = 'idle' | 'scanning' | 'parsing' | 'indexing' | 'saving' | 'done' | 'cancelled' | 'error';

export interface IndexProgress {
  phase: IndexPhase;
  done: number;
  total: number;
  message?: Message<ProgressMessageCode>;
  /** Estimated time left in this phase, once it has run long enough to tell (ms). */
  remainingMs?: number;
}

export interface IndexReport {
  articles: number;
  indexed: number;
  unchanged: number;
  removed: number;
  failed: FailedFile[];
  ms: number;
  /**
   * Articles indexed without something they should have had (their entities, when the tagger failed on them), by
   * article id, and files whose text was repaired to be read (stray control characters removed, undecodable bytes
   * shown as U+FFFD), by path; each with the reason: the first MAX_REPORTED_WARNINGS of them. Absent when none.
   */
  warnings?: FailedFile[];
  /** How many articles have warnings (more than listed when the list was cut). */
  warningCount?: number;
}

/** The most warnings an IndexReport lists (a broken entity model would give one per article). */
export const MAX_REPORTED_WARNINGS = 100;

export interface ArchiveStatus {
  /** Absolute path of the open archive, or null when none is open. */
  root: string | null;
  articles: number;
  /** While a first index is built: the articles parsed so far, listed by listArticles before they can be searched. */
  parsedArticles?: number;
  progress: IndexProgress;
  failed: FailedFile[];
  lastReport?: IndexReport;
  /**
   * Lines of the archive's annotation log that could not be read (torn by a crash or damaged on disk): those
   * annotations are missing from every list. exportAnnotations({format: 'damaged'}) gives them verbatim. Absent when
   * there are none.
   */
  damagedAnnotations?: number;
  /** Damage found in the index cache since the archive was opened, and what was done about it (its articles read again). */
  cacheDamage?: string;
}

export interface Filters {
  source?: string[];
  year?: number[];
  /**
   * Names as 'TYPE:text', e.g. 'PERSON:بوتين' (PERSON, LOCATION or ORGANIZATION; any clitic form of the name):
   * an article passes with any of the ticked names of a type, and must pass every type ticked.
   */
  entity?: string[];
}

export interface SearchRequest {
  query: string;
  offset?: number;
  limit?: number;
  sort?: 'relevance' | 'date';
  /** Strictness: only documents whose original text matches the query's diacritics / hamza spelling. */
  matchDiacritics?: boolean;
  matchHamza?: boolean;
  filters?: Filters;
  /** 'rerank' (default): for a question (a question word or mark), Lunr's best candidates re-ordered by where
   * the query's words occur, question words left out; 'lunr': Lunr's scoring alone. */
  ranking?: 'lunr' | 'rerank';
}

export interface Snippet {
  text: string;
  /** [start, end) UTF-16 offsets into snippet.text. */
  highlights: [number, number][];
}

export interface SearchHit {
  id: string;
  title: string;
  source?: string;
  date?: string;
  score: number;
  snippet: Snippet;
  /** [start, end) UTF-16 offsets into title of the query's words (absent on hits from notes). */
  titleHighlights?: [number, number][];
  /** True when the article lacks some of the query's words (listed after full matches). */
  partial?: boolean;
  /** 'annotation' when the hit comes from the user's notes or tags on this article. */
  kind?: 'article' | 'annotation';
}

/**
 * Counts over the current result set (the whole archive in the library), each dimension counted with every
 * filter applied except its own.
 */
export interface Facets {
  source: Record<string, number>;
  year: Record<string, number>;
  /** People, places and organisations, most frequent first (the most frequent of each type, plus the ticked ones). */
  names: EntityCount[];
}

export interface SearchResult {
  total: number;
  /** How many of `total` contain every query word. */
  fullMatches: number;
  hits: SearchHit[];
  facets: Facets;
  /** Set when the query was malformed and read in a particular way, or is empty: codes, worded by the interface. */
  messages?: Message<QueryMessageCode>[];
}

export interface ListRequest {
  offset?: number;
  limit?: number;
  sort?: 'date' | 'title' | 'source';
  descending?: boolean;
  filters?: Filters;
}

export interface ListResult {
  total: number;
  items: ArticleMeta[];
  facets: Facets;
}

export interface ArticleView extends Article {
  entities: EntitySpan[];
  /** Ranges in text matching `query`, when one was given, in document order. */
  hits: [number, number][];
}

export interface EntityCount {
  type: EntityType;
  text: string;
  count: number;
}

export interface AnalyzedToken {
  text: string;
  start: number;
  end: number;
  norm: string;
  term: string;
  stop: boolean;
}

// ---- annotations (the user's own work; stored inside the archive folder) ----

export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface Annotation {
  id: string;
  articleId: string;
  kind: 'highlight' | 'entity';
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color?: HighlightColor;
  note?: string;
  tags: string[];
  /** kind 'entity': the type the user gave, or null to remove an automatic entity. */
  entityType?: EntityType | null;
  /** kind 'entity': apply to every article containing this name (all clitic forms). */
  archiveWide?: boolean;
  created: string;
  modified: string;
}

/** An annotation as placed on the current text of its article. */
export interface AnchoredAnnotation extends Annotation {
  /** Where it is now, or null when it could not be placed (an orphan, kept and shown, never dropped). */
  anchor: Span | null;
  /** The title of its article; absent when the article is no longer in the archive. */
  articleTitle?: string;
}

export interface AnnotationInput {
  articleId: string;
  start: number;
  end: number;
  kind?: 'highlight' | 'entity';
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  entityType?: EntityType | null;
  archiveWide?: boolean;
}

export interface AnnotationPatch {
  id: string;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  entityType?: EntityType | null;
  archiveWide?: boolean;
}

export interface AnnotationFilter {
  articleId?: string;
  tag?: string;
  color?: HighlightColor;
  kind?: 'highlight' | 'entity';
  entityType?: EntityType;
  /** Substring search inside notes (Arabic-normalised). */
  text?: string;
}

/** 'damaged': the lines of the annotation log that could not be read, verbatim (what was lost, to recover by hand). */
export type ExportFormat = 'json' | 'md' | 'csv' | 'damaged';

/** The API. Every transport exposes exactly these methods, each taking one argument object. */
export interface ArchiveApi {
  /** followExternalLinks: read what symlinks leading outside the folder point to (by default they are reported). */
  openArchive(req: { path: string; followExternalLinks?: boolean }): Promise<ArchiveStatus>;
  getStatus(): Promise<ArchiveStatus>;
  reindex(): Promise<IndexReport>;
  cancelIndexing(): Promise<void>;
  listArticles(req: ListRequest): Promise<ListResult>;
  getArticle(req: { id: string; query?: string; matchDiacritics?: boolean; matchHamza?: boolean }): Promise<ArticleView>;
  search(req: SearchRequest): Promise<SearchResult>;
  topEntities(req: { type?: EntityType; limit?: number }): Promise<EntityCount[]>;
  analyze(req: { text: string }): Promise<AnalyzedToken[]>;
  listAnnotations(req: AnnotationFilter): Promise<AnchoredAnnotation[]>;
  addAnnotation(req: AnnotationInput): Promise<AnchoredAnnotation>;
  updateAnnotation(req: AnnotationPatch): Promise<AnchoredAnnotation>;
  deleteAnnotation(req: { id: string }): Promise<void>;
  exportAnnotations(req: { format: ExportFormat; filter?: AnnotationFilter }): Promise<string>;
  importAnnotations(req: { json: string }): Promise<{ added: number; skipped: number }>;
}

export type ApiMethod = keyof ArchiveApi;

const ENGINE_METHODS = [
  'openArchive',
  'getStatus',
  'reindex',
  'cancelIndexing',
  'listArticles',
  'getArticle',
  'search',
  'topEntities',
  'analyze',
] as const satisfies readonly ApiMethod[];

export const ANNOTATION_METHODS = [
  'listAnnotations',
  'addAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'exportAnnotations',
  'importAnnotations',
] as const satisfies readonly ApiMethod[];

export const API_METHODS: readonly ApiMethod[] = [...ENGINE_METHODS, ...ANNOTATION_METHODS];

/** What the archive engine (src/engine) implements; src/app.ts adds the annotation methods to make ArchiveApi. */
export type EngineApi = Omit<ArchiveApi, (typeof ANNOTATION_METHODS)[number]>;
