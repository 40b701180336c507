import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join, basename } from 'node:path';
import { crc32 } from 'node:zlib';

/*
 * Why an append-only JSONL log with fsync (and not "rewrite a JSON file on every change", nor SQLite):
 * - An append never touches bytes that were already acknowledged, so a crash or power loss in the middle of a write
 *   can only damage the record being written — the one the UI has not yet acknowledged. A write is acknowledged
 *   only after fsync of the file (and of the folder when the file was just created) returned.
 * - Every line carries a CRC-32 of its payload, so a torn or half-flushed last line (or garbage a filesystem left
 *   after power loss) is recognised and skipped on load; the other lines are kept. An append first checks that the
 *   file ends in '\n' and otherwise starts on a fresh line, so a torn tail never swallows the next record.
 * - Plain text, one record per line: it survives being copied or synced with the archive folder, diffs and merges
 *   by eye, needs no native module (Electron ABI) and stays readable with any editor.
 * - Compaction writes a temporary file, fsyncs it, renames it over the log and fsyncs the folder: readers see either
 *   the old or the new file, never a mix. Another process notices the new file (inode/size change) and re-reads it.
 *   Damaged lines are kept verbatim by compaction: they are the user's lost work, reported until dealt with.
 * - A reader notices any change another process made to the part it has read (a flipped byte, a sync tool's rewrite):
 *   when the file's size or times moved, the checksum of that part is compared, and the log re-read on a mismatch.
 * - Several processes: appends happen under a lock (proper-lockfile, see annotation-store.ts); readers need no
 *   lock: they read whole lines up to the last '\n' and re-read from there next time.
 */

const PREFIX = '{"crc":"';
const MIDDLE = '","rec":';
const HEADER = PREFIX.length + 8 + MIDDLE.length;
const NEWLINE = 0x0a;

/** One line of the log: `{"crc":"<crc32 of payload, 8 hex>","rec":<payload JSON>}` — still valid JSON Lines. */
export function encodeRecord(record: unknown): string {
  const payload = JSON.stringify(record);
  return `${PREFIX}${crcHex(payload)}${MIDDLE}${payload}}\n`;
}

/** The record of a line, or undefined when the line is torn, corrupted or not ours. */
export function decodeLine(line: string): unknown {
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (line.length <= HEADER + 1 || !line.startsWith(PREFIX) || !line.endsWith('}')) return undefined;
  if (line.slice(PREFIX.length + 8, HEADER) !== MIDDLE) return undefined;
  const payload = line.slice(HEADER, -1);
  if (crcHex(payload) !== line.slice(PREFIX.length, PREFIX.length + 8)) return undefined;
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

function crcHex(text: string): string {
  return (crc32(text) >>> 0).toString(16).padStart(8, '0');
}

/** A line of the log that failed its checksum (torn by a crash, or damaged on disk): what was lost, verbatim. */
export interface DamagedLine {
  /** 1-based line number in the log. */
  line: number;
  text: string;
}

export interface ReadResult {
  /** True when the file was replaced or changed in place, or removed: the caller must start over from `records`. */
  reset: boolean;
  /** The new records, each with its line number. */
  records: { line: number; value: unknown }[];
  /** Lines that failed their checksum (torn or damaged) in the part read now. */
  damaged: DamagedLine[];
}

/** Reads and appends checksummed records; knows how far it has read so that later reads see only new lines. */
export class RecordLog {
  private offset = 0;
  /** Complete lines consumed (before `offset`). */
  private lines = 0;
  private identity: string | null = null;
  /** CRC-32 of the bytes consumed, to notice a file changed in place. */
  private consumedCrc = 0;
  /** Size and times of the file when last read: while they stay the same, nothing was written. */
  private stamp = '';

  constructor(readonly file: string) {}

  /** Records appended since the last call (by anyone), or all of them after the file was replaced. */
  async readNew(): Promise<ReadResult> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const reset = this.identity !== null;
      this.forget();
      return { reset, records: [], damaged: [] };
    }
    let bytes: Buffer;
    let reset = false;
    try {
      // Identity and size of the file actually opened (a compaction may rename a new file in at any moment).
      const info = await handle.stat();
      const identity = `${info.dev}:${info.ino}`;
      const stamp = `${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
      if (identity === this.identity && stamp === this.stamp) return { reset: false, records: [], damaged: [] };
      if (identity !== this.identity || info.size < this.offset) {
        reset = this.identity !== null;
        this.forget();
        this.identity = identity;
      }
      bytes = await readRange(handle, 0, info.size);
      this.stamp = stamp;
      // The part already read must be as it was: otherwise it was rewritten or damaged in place (a sync tool, a disk).
      if (this.offset > 0 && crc32(bytes.subarray(0, this.offset)) !== this.consumedCrc) {
        reset = true;
        this.forget();
        this.identity = identity;
        this.stamp = stamp;
      }
      bytes = bytes.subarray(this.offset);
    } finally {
      await handle.close();
    }
    if (bytes.length === 0) return { reset, records: [], damaged: [] };
    const lastNewline = bytes.lastIndexOf(NEWLINE);
    const records: ReadResult['records'] = [];
    const damaged: DamagedLine[] = [];
    let start = 0;
    let line = this.lines;
    while (start < bytes.length) {
      let end = bytes.indexOf(NEWLINE, start);
      const complete = end >= 0;
      if (!complete) end = bytes.length;
      else line++;
      const text = bytes.toString('utf8', start, end);
      if (text.trim() !== '') {
        const value = decodeLine(text);
        if (value !== undefined) records.push({ line: line + (complete ? 0 : 1), value });
        // An unfinished last line may still be being written by another process: not damage yet.
        else if (complete) damaged.push({ line, text: text.replace(/\r$/, '') });
      }
      start = end + 1;
    }
    // Resume at the start of an unterminated last line: it is read again (replaying is idempotent) and, if it was
    // torn, the next append begins on a fresh line after it.
    if (lastNewline >= 0) {
      this.consumedCrc = crc32(bytes.subarray(0, lastNewline + 1), this.consumedCrc);
      this.offset += lastNewline + 1;
      this.lines = line;
    }
    return { reset, records, damaged };
  }

  private forget(): void {
    this.identity = null;
    this.offset = 0;
    this.lines = 0;
    this.consumedCrc = 0;
    this.stamp = '';
  }

  /** Appends records durably: returns only after the bytes reached the disk. The caller holds the write lock. */
  async append(records: readonly unknown[]): Promise<void> {
    if (records.length === 0) return;
    const dir = dirname(this.file);
    await mkdir(dir, { recursive: true });
    const handle = await open(this.file, 'a+');
    let created = false;
    try {
      const { size } = await handle.stat();
      created = size === 0;
      let text = records.map(encodeRecord).join('');
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== NEWLINE) text = '\n' + text;
      }
      await writeAll(handle, Buffer.from(text, 'utf8'));
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (created) await syncDirectory(dir);
  }

  /**
   * Replaces the whole log with `records` atomically (write temp, fsync, rename, fsync folder), after the damaged
   * lines `kept` verbatim. Caller holds the lock.
   */
  async rewrite(records: readonly unknown[], kept: readonly string[] = []): Promise<void> {
    const dir = dirname(this.file);
    await mkdir(dir, { recursive: true });
    // Temporary files of a compaction that crashed before its rename (only a lock holder compacts, so none is live).
    const leftover = `.${basename(this.file)}.`;
    for (const name of await readdir(dir)) {
      if (name.startsWith(leftover) && name.endsWith('.tmp')) await unlink(join(dir, name)).catch(() => {});
    }
    const temp = join(dir, `.${basename(this.file)}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'w');
    try {
      await writeAll(handle, Buffer.from(kept.map((line) => line + '\n').join('') + records.map(encodeRecord).join(''), 'utf8'));
      await handle.sync();
    } catch (err) {
      await handle.close();
      await unlink(temp).catch(() => {});
      throw err;
    }
    await handle.close();
    await rename(temp, this.file);
    await syncDirectory(dir);
  }
}

/** write() may write less than asked (signals, nearly full disks): go on until every byte is written. */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done);
    if (bytesWritten === 0) throw new Error('the disk accepted no more bytes');
    done += bytesWritten;
  }
}

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const bytes = Buffer.alloc(Math.max(0, length));
  let got = 0;
  while (got < bytes.length) {
    const { bytesRead } = await handle.read(bytes, got, bytes.length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return bytes.subarray(0, got);
}

/** Makes a new or renamed directory entry durable. Not possible on Windows, where NTFS journals metadata anyway. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
