// The archive engine: opens a folder, keeps its index in the cache (outside the folder), re-indexes
// incrementally off the main thread, and answers searches from the current index while a rebuild runs.
// The Electron app, the browser mode and the CLI all use this class.
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  AnalyzedToken,
  ArchiveStatus,
  ArticleView,
  EngineApi,
  EntityCount,
  EntityType,
  IndexProgress,
  IndexReport,
  ListRequest,
  ListResult,
  SearchRequest,
  SearchResult,
} from '../api.js';
import { ApiError } from '../api-error.js';
import { cacheDirFor } from '../cache/cache-dir.js';
import { emptyManifest, readManifest, type Manifest } from '../cache/manifest.js';
import { emptyFacets } from '../search/filters.js';
import { listArticles } from '../search/list-articles.js';
import { highlighterFor, searchArchive } from '../search/run-search.js';
import { prepareQuery } from '../search/prepare-query.js';
import { parseQuery } from '../search/query-parser.js';
import { LoadedArchive } from '../index/loaded-archive.js';
import { ParsedArticles } from './parsed-articles.js';
import { ProgressClock } from './progress-clock.js';
import { DamagedArticleError, markForRebuild, type DamagedSegment } from '../index/cache-damage.js';
import { reportIfUnchanged, scanningProgress } from './unchanged-archive.js';
import { analyze } from '../analysis/index.js';
import { CancelledError } from './worker-pool.js';

export interface EngineOptions {
  root?: string;
  /** Cache folder for this archive (default: the user's cache folder, keyed by the archive path). */
  cacheDir?: string;
  /** Index worker threads (default: the number of cores, at most 8). */
  workers?: number;
  /** 'background' (default): after opening, bring the index up to date in the background; 'none': only on reindex(). */
  autoIndex?: 'background' | 'none';
  /** Read what symlinks leading outside the archive point to (default: report them, do not follow). */
  followExternalLinks?: boolean;
  /** Told once about each damage found in the cache (default: a line on stderr). */
  onCacheDamage?: (message: string) => void;
}

export class NotFoundError extends ApiError {
  constructor(message: string) {
    super('not_found', message);
  }
}

interface OpenArchive {
  root: string;
  followExternalLinks: boolean;
  cacheDir: string;
  current: LoadedArchive;
  /** Why the cache was not used, when it was discarded. */
  cacheProblem?: string;
  /** While a first index is built (nothing indexed yet): the articles parsed so far. */
  parsed?: ParsedArticles;
}

export class ArchiveEngine implements EngineApi {
  private archive: OpenArchive | null = null;
  private progress: IndexProgress = { phase: 'idle', done: 0, total: 0 };
  private running: Promise<IndexReport> | null = null;
  private abort: AbortController | null = null;
  private lastReport?: IndexReport;
  private cacheDamage?: string;

  private constructor(private readonly opts: EngineOptions) {}

  static async open(opts: EngineOptions = {}): Promise<ArchiveEngine> {
    const engine = new ArchiveEngine(opts);
    if (opts.root) await engine.openArchive({ path: opts.root, followExternalLinks: opts.followExternalLinks });
    return engine;
  }

  async close(): Promise<void> {
    await this.cancelIndexing();
    this.archive?.current.close();
    this.archive = null;
  }

  /** The cache folder of the open archive. */
  get cacheDir(): string | null {
    return this.archive?.cacheDir ?? null;
  }

  async openArchive({ path, followExternalLinks = false }: { path: string; followExternalLinks?: boolean }): Promise<ArchiveStatus> {
    const root = resolve(path);
    let info;
    try {
      info = statSync(root);
    } catch {
      throw new NotFoundError(`folder not found: ${path}`);
    }
    if (!info.isDirectory()) throw new ApiError('invalid_argument', `not a folder: ${path}`);
    await this.cancelIndexing();
    this.archive?.current.close();
    this.archive = null;
    this.lastReport = undefined;
    this.cacheDamage = undefined;
    const ownCache = this.opts.cacheDir && (!this.opts.root || resolve(this.opts.root) === root);
    const cacheDir = ownCache ? resolve(this.opts.cacheDir!) : cacheDirFor(root);
    let current: LoadedArchive | null = null;
    let cacheProblem: string | undefined;
    const read = readManifest(cacheDir, root);
    if (read.manifest) {
      current = LoadedArchive.load(cacheDir, read.manifest);
      this.lastReport = read.manifest.lastReport;
      if (current.damaged.length) this.markDamagedSegments(current, current.damaged);
    } else if (existsSync(cacheDir)) {
      cacheProblem = read.reason;
      if (read.damaged) this.reportCacheDamage(`${read.reason}: the archive is indexed again`);
    }
    const fromCache = current !== null;
    // The indexer (and its lock and workers) is loaded only when there is indexing to do.
    current ??= LoadedArchive.empty(emptyManifest(root, (await import('./indexer.js')).SEGMENT_COUNT));
    this.archive = { root, followExternalLinks, cacheDir, current, cacheProblem };
    this.progress = { phase: fromCache ? 'done' : 'idle', done: 0, total: 0 };
    if ((this.opts.autoIndex ?? 'background') === 'background') {
      this.reindex().catch(() => undefined);
    }
    return this.getStatus();
  }

  async getStatus(): Promise<ArchiveStatus> {
    const a = this.archive;
    return {
      root: a?.root ?? null,
      articles: a?.current.docCount ?? 0,
      ...(a?.parsed ? { parsedArticles: a.parsed.size } : {}),
      progress: { ...this.progress },
      failed: this.lastReport?.failed ?? [],
      lastReport: this.lastReport,
      ...(this.cacheDamage ? { cacheDamage: this.cacheDamage } : {}),
    };
  }

  /** Says once what damage was found in the cache (status and, by default, stderr). */
  private reportCacheDamage(message: string): void {
    this.cacheDamage = message;
    (this.opts.onCacheDamage ?? ((m) => process.stderr.write(`archive-reader: ${m}\n`)))(message);
  }

  private reportDamagedRecords(ids: string[]): void {
    const some = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '');
    this.reportCacheDamage(`the cached copies of ${ids.length} articles were damaged (${some}): their files are indexed again`);
  }

  /** Segments that could not be opened: the files of their articles are marked to be indexed again. */
  private markDamagedSegments(current: LoadedArchive, damaged: DamagedSegment[]): void {
    const marked = markForRebuild(current.manifest, { segments: damaged.map((d) => d.segment) });
    current.manifest = marked.manifest;
    current.damaged = [];
    const what = damaged.map((d) => d.reason).join('; ');
    this.reportCacheDamage(`index cache damaged (${what}): the ${marked.files} files whose articles it held are indexed again`);
  }

  /**
   * Runs a read of the index; when it meets an article whose cached copy is damaged, the article's file is indexed
   * again and the read runs once more, on the repaired index.
   */
  private async repairing<T>(read: (current: LoadedArchive) => T | Promise<T>): Promise<T> {
    const archive = this.requireArchive();
    const repaired = new Set<string>();
    for (;;) {
      try {
        return await read(archive.current);
      } catch (e) {
        if (!(e instanceof DamagedArticleError) || repaired.has(e.id) || this.archive !== archive) throw e;
        repaired.add(e.id);
        // A run in progress builds from the manifest it started with: the damaged article is marked after it.
        await this.running?.catch(() => undefined);
        if (this.archive !== archive) throw e;
        archive.current.manifest = markForRebuild(archive.current.manifest, { ids: [e.id] }).manifest;
        this.reportCacheDamage(`${e.message}: its file is indexed again`);
        await this.reindex();
      }
    }
  }

  private requireArchive(): OpenArchive {
    if (!this.archive) throw new ApiError('no_archive', 'no archive is open');
    return this.archive;
  }

  /**
   * Brings the index up to date with the folder (only new, changed and deleted files are read). `verifyCache` first
   * checks every article body in the cache (a read of the packs), so that damage nothing has read yet is repaired too.
   */
  reindex(opts: { verifyCache?: boolean } = {}): Promise<IndexReport> {
    if (this.running) return this.running;
    if (!this.archive) return Promise.reject(new ApiError('no_archive', 'no archive is open'));
    const archive = this.archive;
    if (opts.verifyCache) {
      const damaged = archive.current.damagedRecords(archive.cacheDir);
      if (damaged.length) {
        archive.current.manifest = markForRebuild(archive.current.manifest, { ids: damaged }).manifest;
        this.reportDamagedRecords(damaged);
      }
    }
    const abort = new AbortController();
    this.abort = abort;
    const previous: Manifest | null = archive.current.manifest.generation > 0 ? archive.current.manifest : null;
    const run = (async () => {
      try {
        // The walk that checks every file against the cache is a phase of its own: the index may be out of date.
        const scanned = scanningProgress(previous, (p) => (this.progress = p));
        if (previous) scanned(0);
        const same =
          previous &&
          (await reportIfUnchanged(archive.root, previous, { signal: abort.signal, followExternalLinks: archive.followExternalLinks, onProgress: scanned }));
        if (same) {
          if (this.archive !== archive || abort.signal.aborted) throw new CancelledError();
          archive.current.manifest = { ...previous, lastReport: same };
          archive.cacheProblem = undefined;
          this.lastReport = same;
          this.progress = { phase: 'done', done: same.articles, total: same.articles };
          return same;
        }
        const { runIndex } = await import('./indexer.js');
        const clock = new ProgressClock();
        if (archive.current.docCount === 0) archive.parsed = new ParsedArticles();
        let report: IndexReport | undefined;
        // Articles found damaged in the cache while their segment was rebuilt are parsed again by one more run.
        for (let run = 0, from = previous; !report; run++) {
          const result = await runIndex({
            root: archive.root,
            cacheDir: archive.cacheDir,
            workers: this.opts.workers,
            previous: from,
            followExternalLinks: archive.followExternalLinks,
            signal: abort.signal,
            onProgress: (p) => (this.progress = clock.stamp(p)),
            onParsed: (metas) => archive.parsed?.add(metas),
          });
          if (this.archive !== archive) throw new CancelledError();
          const old = archive.current;
          const unchanged = result.manifest.segments.every((s, i) => (s?.index ?? null) === (old.manifest.segments[i]?.index ?? null));
          if (unchanged) old.manifest = result.manifest;
          else {
            const next = LoadedArchive.load(archive.cacheDir, result.manifest, old);
            archive.current = next;
            old.close(next);
            if (next.damaged.length) this.markDamagedSegments(next, next.damaged);
          }
          archive.cacheProblem = undefined;
          for (const f of result.obsolete) rmSync(join(archive.cacheDir, f), { force: true });
          if (result.damagedIds.length) this.reportDamagedRecords(result.damagedIds);
          if (!result.damagedIds.length || run === 2) report = result.report;
          from = archive.current.manifest;
        }
        this.lastReport = report;
        this.progress = { phase: 'done', done: report.articles, total: report.articles };
        return report;
      } catch (e) {
        if (e instanceof CancelledError || abort.signal.aborted) {
          this.progress = { phase: 'cancelled', done: 0, total: 0, message: 'indexing was cancelled' };
          throw new CancelledError();
        }
        this.progress = { phase: 'error', done: 0, total: 0, message: (e as Error).message };
        throw e;
      } finally {
        archive.parsed = undefined;
        if (this.abort === abort) {
          this.running = null;
          this.abort = null;
        }
      }
    })();
    this.running = run;
    return run;
  }

  async cancelIndexing(): Promise<void> {
    const running = this.running;
    this.abort?.abort();
    await running?.catch(() => undefined);
  }

  async listArticles(req: ListRequest): Promise<ListResult> {
    if (!this.archive) return { total: 0, items: [], facets: emptyFacets() };
    const { current, parsed } = this.archive;
    if (current.docCount === 0 && parsed) return parsed.list(req);
    return listArticles(current, req);
  }

  /** Whether an index of the open archive was found in the cache (it may be out of date). */
  get hasIndex(): boolean {
    return (this.archive?.current.manifest.generation ?? 0) > 0;
  }

  /**
   * The article as the index has it, when the file it comes from is unchanged since it was indexed (same size and
   * modification time): no scan and no indexing. Null when the index lacks it or the file changed or is gone.
   */
  async indexedArticleIfFresh(id: string): Promise<ArticleView | null> {
    const a = this.archive;
    if (!a || a.current.docNumber(id) === undefined) return null;
    const relPath = id.replace(/#\d+$/, '');
    const rec = Object.hasOwn(a.current.manifest.files, relPath) ? a.current.manifest.files[relPath] : undefined;
    if (!rec) return null;
    try {
      const info = statSync(join(a.root, relPath));
      if (info.size !== rec.size || info.mtimeMs !== rec.mtimeMs) return null;
    } catch {
      return null;
    }
    return this.getArticle({ id });
  }

  async getArticle(req: { id: string; query?: string; matchDiacritics?: boolean; matchHamza?: boolean }): Promise<ArticleView> {
    const { parsed, root } = this.requireArchive();
    return this.repairing(async (current) => {
      const doc = current.docNumber(req.id);
      const notIndexedYet = doc === undefined && parsed?.has(req.id) ? await parsed.read(root, req.id) : null;
      if (notIndexedYet) return notIndexedYet;
      if (doc === undefined) throw new NotFoundError(`no article with id ${req.id}`);
      const meta = current.meta(doc);
      const body = current.body(doc);
      let hits: [number, number][] = [];
      if (req.query?.trim()) {
        const prepared = prepareQuery(parseQuery(req.query), current.dictionary);
        hits = highlighterFor(prepared, { matchDiacritics: req.matchDiacritics, matchHamza: req.matchHamza })(body.text);
      }
      return { ...meta, text: body.text, entities: body.entities, hits };
    });
  }

  async search(req: SearchRequest): Promise<SearchResult> {
    if (!this.archive) return { total: 0, fullMatches: 0, hits: [], facets: emptyFacets(), message: 'No archive is open.' };
    return this.repairing((current) => searchArchive(current, req));
  }

  async topEntities(req: { type?: EntityType; limit?: number }): Promise<EntityCount[]> {
    const all = this.archive?.current.entityCounts ?? [];
    const limit = req.limit ?? 50;
    const out: EntityCount[] = [];
    for (const e of all) {
      if (req.type && e.type !== req.type) continue;
      out.push({ ...e });
      if (out.length >= limit) break;
    }
    return out;
  }

  async analyze(req: { text: string }): Promise<AnalyzedToken[]> {
    return analyze(req.text);
  }
}
