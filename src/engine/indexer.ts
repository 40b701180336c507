// One indexing run: scan the archive, compare with the cache (size + mtime), parse new and changed files in
// workers, rebuild only the segments whose articles changed, and write a new manifest. Never writes inside
// the archive. Cancelling stops the workers and leaves the previous index untouched.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { ApiError } from '../api-error.js';
import { MAX_REPORTED_WARNINGS, type ArticleMeta, type FailedFile, type IndexProgress, type IndexReport } from '../api.js';
import { scanArchive } from '../articles/scan-archive.js';
import { emptyManifest, writeManifest, type FileRecord, type Manifest, type SegmentRecord } from '../cache/manifest.js';
import { segmentOf } from '../index/stable-hash.js';
import type { BuiltSegment } from './index-tasks.js';
import { englishText } from '../messages/english.js';
import { compareWithManifest, failuresOf } from './archive-changes.js';
import { markForRebuild } from '../cache/cache-damage.js';
import { scanningProgress } from './unchanged-archive.js';
import { parseFiles } from './parse-step.js';
import { SPOOL_DIR_NAME, spoolDirFor, spoolFilesBySegment } from './spool.js';
import { CancelledError, WorkerPool } from './worker-pool.js';

export const SEGMENT_COUNT = 16;

export interface IndexRunOptions {
  root: string;
  cacheDir: string;
  workers?: number;
  /** The trusted manifest of the previous run, or null to index everything. */
  previous: Manifest | null;
  onProgress: (p: IndexProgress) => void;
  /** Articles parsed and not indexed yet (to list them while a first index is built). */
  onParsed?: (metas: ArticleMeta[]) => void;
  /** An article indexed without something (its entities); by default printed on stderr. */
  onWarning?: (w: FailedFile, count: number) => void;
  signal: AbortSignal;
  /** Read what symlinks leading outside the archive point to (by default they are reported as failures). */
  followExternalLinks?: boolean;
  /** Size of the line ranges a large .jsonl file is parsed in (default: from the amount to parse, ≤ 1 MiB). */
  jsonlRangeBytes?: number;
}

export interface IndexRunResult {
  manifest: Manifest;
  report: IndexReport;
  /** Cache files of the previous index that the new manifest no longer uses. */
  obsolete: string[];
  /** Articles indexed without something they should have had (see onWarning). */
  warnings: FailedFile[];
  /**
   * Articles left out because their copy in the cache was found damaged while their segment was rebuilt: the
   * manifest marks their files changed, so that the next run parses them again.
   */
  damagedIds: string[];
}

/**
 * A young generation of a third of V8's default: it keeps each worker about 10 MB smaller, for a little more
 * garbage collection (smaller still, collection costs more than a second of CPU on 10,000 articles).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

const PRINTED_WARNINGS = 20;

function printWarning(w: FailedFile, count: number): void {
  if (count <= PRINTED_WARNINGS) process.stderr.write(`archive-reader: warning: ${w.path}: ${englishText(w)}\n`);
  else if (count === PRINTED_WARNINGS + 1) process.stderr.write('archive-reader: warning: more articles were indexed with a warning\n');
}

/**
 * The report's warnings: this run's, plus those listed in the last report about articles kept as they were (their
 * entities come from the cache, so the warning still holds), one per article.
 */
function reportedWarnings(
  fresh: FailedFile[],
  last: IndexReport | undefined,
  files: Record<string, FileRecord>,
  reindexed: Set<string>,
): Pick<IndexReport, 'warnings' | 'warningCount'> {
  const byArticle = new Map<string, FailedFile>();
  if (last?.warnings?.length) {
    // Keyed by article id (entities) or by file (its text was repaired).
    const present = new Set([...Object.keys(files), ...Object.values(files).flatMap((f) => f.ids)]);
    for (const w of last.warnings) if (present.has(w.path) && !reindexed.has(w.path)) byArticle.set(w.path, w);
  }
  for (const w of fresh) if (!byArticle.has(w.path)) byArticle.set(w.path, w);
  if (byArticle.size === 0) return {};
  const all = [...byArticle.values()];
  return { warnings: all.slice(0, MAX_REPORTED_WARNINGS), warningCount: all.length };
}

export async function runIndex(opts: IndexRunOptions): Promise<IndexRunResult> {
  mkdirSync(opts.cacheDir, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(opts.cacheDir, {
      lockfilePath: join(opts.cacheDir, 'index.lock'),
      stale: 20_000,
      retries: { retries: 120, minTimeout: 250, maxTimeout: 1000 },
    });
  } catch {
    throw new ApiError('busy', 'another process is indexing this archive; try again when it has finished');
  }
  try {
    return await runLocked(opts);
  } finally {
    await release().catch(() => undefined);
  }
}

function cacheFilesOf(m: Manifest | null): Set<string> {
  const files = new Set<string>();
  for (const s of m?.segments ?? []) if (s) files.add(s.index).add(s.pack);
  return files;
}

// Only names this code writes: a --cache folder may hold other files, which are never touched.
const OWN_FILE = new RegExp(`^(seg-\\d+-g\\d+\\.(idx|pack)|${SPOOL_DIR_NAME}|manifest\\.json\\.gz\\.\\d+\\.\\d+\\.tmp)$`);

/** Removes segment files no manifest refers to, and leftovers of a cancelled or crashed run. */
function removeStrayFiles(cacheDir: string, keep: Set<string>): void {
  for (const name of readdirSync(cacheDir)) {
    if (OWN_FILE.test(name) && !keep.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** What the steps of one run share. */
interface RunSteps {
  opts: IndexRunOptions;
  prev: Manifest;
  pool: WorkerPool;
  generation: number;
  warn: (w: FailedFile) => void;
  checkCancelled: () => void;
  /** Segment files this run wrote (removed again if it fails). */
  newFiles: string[];
}

async function runLocked(opts: IndexRunOptions): Promise<IndexRunResult> {
  const started = Date.now();
  const { root, cacheDir, signal } = opts;
  const checkCancelled = () => {
    if (signal.aborted) throw new CancelledError();
  };
  const prev = opts.previous ?? emptyManifest(root, SEGMENT_COUNT);
  removeStrayFiles(cacheDir, cacheFilesOf(opts.previous));

  const scanned = scanningProgress(opts.previous, opts.onProgress);
  scanned(0);
  const scan = await scanArchive(root, { signal, followExternalLinks: opts.followExternalLinks, onProgress: scanned });
  checkCancelled();

  const changes = compareWithManifest(scan, prev);
  const files: Record<string, FileRecord> = { ...changes.kept };
  const { toParse, goneIds } = changes;

  const workerCount = Math.max(1, Math.min(opts.workers ?? availableParallelism(), 8));
  const spoolDir = spoolDirFor(cacheDir);
  const generation = prev.generation + 1;
  // One pool for both steps: each worker starts (and loads its code and the entity model) once.
  const pool = new WorkerPool(workerCount, WORKER_LIMITS);
  const onAbort = () => void pool.terminate();
  signal.addEventListener('abort', onAbort);
  const warnings: FailedFile[] = [];
  const warn = (w: FailedFile) => {
    warnings.push(w);
    (opts.onWarning ?? printWarning)(w, warnings.length);
  };
  const steps: RunSteps = { opts, prev, pool, generation, warn, checkCancelled, newFiles: [] };
  // Whatever ends the process meanwhile (a second Ctrl+C or SIGTERM exits at once) leaves no spool behind.
  const removeSpool = () => rmSync(spoolDir, { recursive: true, force: true });
  process.on('exit', removeSpool);
  try {
    const { newIds, spoolBySegment } = await parseChanged(steps, toParse, files, spoolDir, workerCount);
    const removedBySegment = idsBySegment(goneIds, prev.segmentCount);
    const { segments, obsolete, damagedIds } = await rebuildSegments(steps, spoolBySegment, removedBySegment, newIds.size);

    opts.onProgress({ phase: 'saving', done: 0, total: 1 });
    const failed = failuresOf(scan.failures, files);
    const articles = Object.values(files).reduce((n, f) => n + f.ids.length, 0);
    let removed = 0;
    for (const id of goneIds) if (!newIds.has(id)) removed++;
    const report: IndexReport = {
      articles,
      indexed: newIds.size,
      unchanged: changes.keptArticles,
      removed,
      failed,
      ms: Date.now() - started,
      ...reportedWarnings(warnings, prev.lastReport, files, new Set([...newIds, ...toParse.map((f) => f.relPath)])),
    };
    const nothingChanged =
      opts.previous !== null && !toParse.length && !changes.goneFiles.length && !changes.scanFailuresChanged;
    const built: Manifest = {
      ...prev,
      root,
      generation: nothingChanged ? prev.generation : generation,
      files,
      segments,
      scanFailures: scan.failures,
      lastReport: report,
    };
    const manifest = damagedIds.length ? markForRebuild(built, { ids: damagedIds }).manifest : built;
    checkCancelled();
    // An unchanged archive costs a scan and no write (searching from the CLI re-checks every time).
    if (!nothingChanged) writeManifest(cacheDir, manifest);
    return { manifest, report, obsolete, warnings, damagedIds };
  } catch (e) {
    for (const f of steps.newFiles) rmSync(join(cacheDir, f), { force: true });
    throw signal.aborted ? new CancelledError() : e;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await pool.terminate();
    removeSpool();
    process.off('exit', removeSpool);
  }
}

/** Parses the new and changed files into the spool, recording them in `files`; returns their article ids and the
 * spool files of each segment. */
async function parseChanged(
  steps: RunSteps,
  toParse: Parameters<typeof parseFiles>[0],
  files: Record<string, FileRecord>,
  spoolDir: string,
  workerCount: number,
): Promise<{ newIds: Set<string>; spoolBySegment: Map<number, string[]> }> {
  const { opts } = steps;
  const newIds = new Set<string>();
  if (!toParse.length) return { newIds, spoolBySegment: new Map() };
  mkdirSync(spoolDir, { recursive: true });
  const parsed = await parseFiles(toParse, {
    pool: steps.pool,
    spoolDir,
    segmentCount: steps.prev.segmentCount,
    workerCount,
    rangeBytes: opts.jsonlRangeBytes,
    onProgress: opts.onProgress,
    onWarning: steps.warn,
    onParsed: opts.onParsed,
  });
  steps.checkCancelled();
  const byPath = new Map(toParse.map((f) => [f.relPath, f]));
  for (const p of parsed) {
    const f = byPath.get(p.relPath)!;
    files[p.relPath] = { size: f.size, mtimeMs: f.mtimeMs, ids: p.ids, failures: p.failures };
    for (const id of p.ids) newIds.add(id);
  }
  return { newIds, spoolBySegment: spoolFilesBySegment(spoolDir) };
}

function idsBySegment(ids: Iterable<string>, segmentCount: number): Map<number, string[]> {
  const bySegment = new Map<number, string[]>();
  for (const id of ids) {
    const seg = segmentOf(id, segmentCount);
    if (!bySegment.has(seg)) bySegment.set(seg, []);
    bySegment.get(seg)!.push(id);
  }
  return bySegment;
}

/** Rebuilds, in the workers, every segment that gains or loses articles; returns the new segment list, the files
 * it no longer uses, and the articles found damaged in the cache. */
async function rebuildSegments(
  steps: RunSteps,
  spoolBySegment: Map<number, string[]>,
  removedBySegment: Map<number, string[]>,
  newArticles: number,
): Promise<{ segments: Manifest['segments']; obsolete: string[]; damagedIds: string[] }> {
  const { opts, prev, generation } = steps;
  const dirty = [...new Set([...spoolBySegment.keys(), ...removedBySegment.keys()])].sort((a, b) => a - b);
  const segments = [...prev.segments];
  const obsolete: string[] = [];
  const damagedIds: string[] = [];
  if (!dirty.length) return { segments, obsolete, damagedIds };
  steps.checkCancelled();
  // The biggest segments first, so that no worker is left with a long one at the end.
  const weight = (seg: number) =>
    (spoolBySegment.get(seg) ?? []).reduce((n, f) => n + statSync(f).size, 0) + (prev.segments[seg]?.packBytes ?? 0) / 8;
  const weights = new Map(dirty.map((seg) => [seg, weight(seg)]));
  dirty.sort((a, b) => weights.get(b)! - weights.get(a)!);
  let done = 0;
  let total = newArticles;
  for (const seg of dirty) total += Math.max(0, (prev.segments[seg]?.docs ?? 0) - (removedBySegment.get(seg)?.length ?? 0));
  opts.onProgress({ phase: 'indexing', done, total });
  const built = await Promise.all(
    dirty.map(async (seg) => {
      const old = prev.segments[seg];
      const out = { index: `seg-${seg}-g${generation}.idx`, pack: `seg-${seg}-g${generation}.pack` };
      steps.newFiles.push(out.index, out.pack);
      const result = await steps.pool.run<BuiltSegment>(
        {
          kind: 'build',
          segment: seg,
          cacheDir: opts.cacheDir,
          old: old ? { index: old.index, pack: old.pack, removeIds: removedBySegment.get(seg) ?? [] } : null,
          spoolFiles: spoolBySegment.get(seg) ?? [],
          out,
        },
        { onProgress: (n) => opts.onProgress({ phase: 'indexing', done: (done += n), total }), onWarning: steps.warn },
      );
      return { seg, out, result };
    }),
  );
  steps.checkCancelled();
  for (const { seg, out, result } of built) {
    for (const id of result.damagedIds) damagedIds.push(id);
    const old = prev.segments[seg];
    if (old) obsolete.push(old.index, old.pack);
    const record: SegmentRecord = { ...out, indexBytes: result.indexBytes, packBytes: result.packBytes, packCrc: result.packCrc, docs: result.docs };
    if (result.docs === 0) obsolete.push(out.index, out.pack);
    segments[seg] = result.docs === 0 ? null : record;
  }
  return { segments, obsolete, damagedIds };
}
