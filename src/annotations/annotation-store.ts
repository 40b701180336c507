import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { Annotation } from '../api.js';
import { parseLogRecord, type LogRecord } from './annotation-record.js';
import { ApiError } from '../api-error.js';
import { encodeRecord, RecordLog, type DamagedLine } from './record-log.js';

/** The hidden folder inside the archive that holds the user's own data (travels with the archive). */
export const STORE_DIR = '.archive-reader';
export const STORE_FILE = 'annotations.jsonl';
const LOCK_NAME = 'annotations.lock';

/** Compact when the log holds this many more records than live annotations (and at least twice as many). */
const COMPACT_SLACK = 500;

export interface LockOptions {
  /** A lock whose holder stopped refreshing it for this long is taken over (a crashed process). Minimum 2000. */
  staleMs?: number;
}

/**
 * The annotations of one archive: an in-memory map rebuilt from the log, kept current with what other windows or
 * processes append (see record-log.ts for the durability argument). Every change is one transaction: take the lock,
 * read what others appended, decide, append, fsync, release.
 */
export class AnnotationStore {
  readonly dir: string;
  readonly file: string;
  private readonly log: RecordLog;
  private readonly annotations = new Map<string, Annotation>();
  private records = 0;
  /** Lines of the log that could not be read, in file order: the user's lost work, reported and exportable. */
  private damaged: DamagedLine[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private waitingRefresh: Promise<void> | null = null;
  private readonly staleMs: number;

  constructor(
    readonly root: string,
    options: LockOptions = {},
  ) {
    this.dir = join(root, STORE_DIR);
    this.file = join(this.dir, STORE_FILE);
    this.log = new RecordLog(this.file);
    this.staleMs = Math.max(2000, options.staleMs ?? 5000);
  }

  /** All annotations, including what other processes wrote since the last call. */
  async all(): Promise<Annotation[]> {
    await this.fresh();
    return [...this.annotations.values()];
  }

  async get(id: string): Promise<Annotation | undefined> {
    await this.fresh();
    return this.annotations.get(id);
  }

  /**
   * Reads what others appended. Callers that come while a read waits its turn share it (it has not read yet, so it
   * sees all they would): a hundred searches at once queued a hundred reads, and finished all together.
   */
  private fresh(): Promise<void> {
    this.waitingRefresh ??= this.serial(() => {
      this.waitingRefresh = null;
      return this.refresh();
    });
    return this.waitingRefresh;
  }

  /** Lines skipped because they were torn or damaged, as of the last read. */
  get damagedLines(): number {
    return this.damaged.length;
  }

  /** The lines of the log that could not be read (torn or damaged), verbatim, with their line numbers. */
  async damagedRecords(): Promise<DamagedLine[]> {
    await this.serial(() => this.refresh());
    return [...this.damaged];
  }

  /**
   * Runs `decide` on the current annotations (others' writes included) under the write lock and appends the records
   * it returns; resolves after they are on disk.
   */
  transact<T>(decide: (current: ReadonlyMap<string, Annotation>) => { records: LogRecord[]; result: T }): Promise<T> {
    return this.serial(async () => {
      if (!existsSync(this.dir)) {
        // Nothing stored yet: create the hidden folder only if this transaction writes something (or fails first).
        await this.refresh();
        const dry = decide(this.annotations);
        if (dry.records.length === 0) return dry.result;
        await mkdir(this.dir, { recursive: true }).catch((err) => {
          throw cannotWrite(this.dir, err);
        });
      }
      const release = await this.lock();
      try {
        await this.refresh();
        const { records, result } = decide(this.annotations);
        await this.log.append(records).catch((err) => {
          throw cannotWrite(this.dir, err);
        });
        // Our own lines are applied when read back, which also advances the read offset past them.
        await this.refresh();
        if (this.records > 2 * this.annotations.size && this.records - this.annotations.size > COMPACT_SLACK) {
          await this.compactLocked();
        }
        return result;
      } finally {
        await release();
      }
    });
  }

  put(annotation: Annotation): Promise<void> {
    return this.transact(() => ({ records: [{ op: 'put', annotation }], result: undefined }));
  }

  /** Rewrites the log with only the live annotations. */
  compact(): Promise<void> {
    return this.serial(async () => {
      await mkdir(this.dir, { recursive: true });
      const release = await this.lock();
      try {
        await this.refresh();
        await this.compactLocked();
      } finally {
        await release();
      }
    });
  }

  private async compactLocked(): Promise<void> {
    const records: LogRecord[] = [...this.annotations.values()].map((annotation) => ({ op: 'put', annotation }));
    await this.log.rewrite(
      records,
      this.damaged.map((d) => d.text),
    );
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const { reset, records, damaged } = await this.log.readNew();
    if (reset) {
      this.annotations.clear();
      this.records = 0;
      this.damaged = [];
    }
    this.damaged.push(...damaged);
    for (const { line, value } of records) {
      const record = parseLogRecord(value);
      if (!record) {
        this.damaged.push({ line, text: encodeRecord(value).trimEnd() });
        continue;
      }
      this.records++;
      if (record.op === 'put') this.annotations.set(record.annotation.id, record.annotation);
      else this.annotations.delete(record.id);
    }
  }

  /** Resolves when every change started so far has been written (or failed). */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async lock(): Promise<() => Promise<void>> {
    try {
      return await this.takeLock();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new ApiError('busy', 'the annotations of this archive are being saved by another window or program; try again');
      }
      throw cannotWrite(this.dir, err);
    }
  }

  private takeLock(): Promise<() => Promise<void>> {
    return lockfile.lock(this.file, {
      realpath: false,
      lockfilePath: join(this.dir, LOCK_NAME),
      stale: this.staleMs,
      retries: { retries: 200, factor: 1.3, minTimeout: 5, maxTimeout: 100 },
      // A lock we could not refresh in time: our write still completes (appends are whole lines under O_APPEND);
      // the default handler would throw from a timer and kill the process.
      onCompromised: () => {},
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }
}

function cannotWrite(dir: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'the archive folder is read-only'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : (err as Error).message;
  return new Error(`cannot save annotations in ${dir}: ${why}; nothing was changed`);
}
