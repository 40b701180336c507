// The indexer's first step: new and changed files are parsed in the workers into per-segment spool files.
// Small files go in batches of similar total size; a large .jsonl file is cut into line ranges that the workers
// parse side by side (none of them reads the whole file). Tasks are queued biggest first.
import { rmSync } from 'node:fs';
import type { ArticleMeta, FailedFile, IndexProgress } from '../api.js';
import { EMPTY, repairWarning } from '../articles/text-checks.js';
import { rangesReadAsText, splitIntoLineRanges, type LineRange } from '../articles/jsonl-ranges.js';
import type { ArchiveFile } from '../articles/scan-archive.js';
import type { ParsedFile, ParsedLines } from './index-tasks.js';
import { spoolFile } from './spool.js';
import type { WorkerPool } from './worker-pool.js';

export interface ParseStepOptions {
  pool: WorkerPool;
  spoolDir: string;
  segmentCount: number;
  workerCount: number;
  /** Line range size for large .jsonl files; by default about 1/8 of a worker's share, between 256 KiB and 1 MiB. */
  rangeBytes?: number;
  onProgress: (p: IndexProgress) => void;
  /** A file whose text was repaired to be read (stray control characters removed). */
  onWarning: (w: FailedFile) => void;
  /** Articles parsed so far (a .jsonl file that must be read again whole may give some twice). */
  onParsed?: (metas: ArticleMeta[]) => void;
}

const MIN_RANGE_BYTES = 256 * 1024;
const MAX_RANGE_BYTES = 1024 * 1024;

/** Parses `files` in the pool's workers; one ParsedFile per file, in no particular order. */
export async function parseFiles(files: ArchiveFile[], opts: ParseStepOptions): Promise<ParsedFile[]> {
  const { pool, spoolDir, segmentCount } = opts;
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const rangeBytes =
    opts.rangeBytes ?? Math.min(MAX_RANGE_BYTES, Math.max(MIN_RANGE_BYTES, Math.ceil(totalBytes / (opts.workerCount * 8))));
  let done = 0;
  const fileDone = (n = 1) => opts.onProgress({ phase: 'parsing', done: (done += n), total: files.length });
  opts.onProgress({ phase: 'parsing', done, total: files.length });

  let taskNo = 0;
  const parseWhole = (batch: ArchiveFile[]) =>
    pool.run<ParsedFile[]>(
      { kind: 'parse', files: batch.map((f) => ({ relPath: f.relPath, absPath: f.absPath })), segmentCount, spoolDir, taskNo: taskNo++ },
      { onProgress: fileDone, onWarning: opts.onWarning, onParsed: opts.onParsed },
    );

  const parseInRanges = async (file: ArchiveFile, ranges: LineRange[]): Promise<ParsedFile[]> => {
    const tasks = ranges.map((r) => ({ ...r, taskNo: taskNo++ }));
    // The file counts as one: how far its parts are is told in the message ("big.jsonl: 3/16").
    let partsDone = 0;
    const partDone = () =>
      opts.onProgress({ phase: 'parsing', done, total: files.length, message: { code: 'parsing-file', params: { path: file.relPath, done: ++partsDone, total: tasks.length } } });
    const results = await Promise.all(
      tasks.map((t) =>
        pool
          .run<ParsedLines>({ kind: 'parse-lines', relPath: file.relPath, absPath: file.absPath, segmentCount, spoolDir, ...t }, { onParsed: opts.onParsed })
          .then((r) => (partDone(), r)),
      ),
    );
    if (!rangesReadAsText(results)) {
      // Not plain UTF-8 text: what the ranges spooled is dropped, and the file is read whole.
      for (const t of tasks) {
        for (let seg = 0; seg < segmentCount; seg++) rmSync(spoolFile(spoolDir, seg, t.taskNo), { force: true });
      }
      return parseWhole([file]);
    }
    const parsed: ParsedFile = { relPath: file.relPath, ids: [], failures: [] };
    let controls = 0;
    for (const r of results) {
      if (!r.plain) continue;
      parsed.ids.push(...r.ids);
      parsed.failures.push(...r.failures);
      controls += r.repairedControls;
    }
    if (controls && parsed.ids.length) opts.onWarning({ path: file.relPath, ...repairWarning(controls, 0) });
    if (!parsed.ids.length && !parsed.failures.length) parsed.failures.push({ path: file.relPath, ...EMPTY });
    fileDone();
    return [parsed];
  };

  const work: { bytes: number; start: () => Promise<ParsedFile[]> }[] = [];
  const whole: ArchiveFile[] = [];
  for (const f of files) {
    const ranges = f.format === 'jsonl' && f.size > rangeBytes ? await splitIntoLineRanges(f.absPath, rangeBytes).catch(() => null) : null;
    if (ranges && ranges.length > 1) work.push({ bytes: f.size, start: () => parseInRanges(f, ranges) });
    else whole.push(f);
  }
  for (const batch of balancedBatches(whole, Math.min(whole.length, opts.workerCount * 4))) {
    work.push({ bytes: batch.reduce((n, f) => n + f.size, 0), start: () => parseWhole(batch) });
  }
  work.sort((a, b) => b.bytes - a.bytes);
  const parsed = await Promise.all(work.map((w) => w.start()));
  return parsed.flat();
}

/** `files` in `count` batches of about the same size (a file's fixed cost counted as 2 KiB). */
function balancedBatches(files: ArchiveFile[], count: number): ArchiveFile[][] {
  const batches: ArchiveFile[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    let best = 0;
    for (let i = 1; i < count; i++) if (load[i] < load[best]) best = i;
    batches[best].push(f);
    load[best] += f.size + 2048;
  }
  return batches.filter((c) => c.length > 0);
}
