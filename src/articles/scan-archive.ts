// Walks an archive folder (sub-folders included, symlinks inside it followed) and lists the article files in it by
// extension. Hidden names (starting with '.') are skipped; unknown extensions are ignored. Problems are
// reported per path, never thrown: unreadable folders, symlink loops, broken symlinks, symlinks leading out of the
// archive (not followed unless asked), named pipes and device files, oversized files. A name that is not valid UTF-8
// is read by its bytes (its id shows U+FFFD for them). Nothing in the folder is written.
import type { Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ArticleFormat, FailedFile } from '../api.js';
import type { FailureReason } from './failure-reason.js';
import { describeFsError, folderUnreadable } from './fs-errors.js';
import { articleFormatOf } from './formats.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './size-limit.js';

export interface ArchiveFile {
  /** Relative to the archive root, '/' separators: the article id (before any '#n'). */
  relPath: string;
  /** Bytes when a name on the way is not valid UTF-8 (a string would name another file). */
  absPath: string | Buffer;
  format: ArticleFormat;
  size: number;
  mtimeMs: number;
}

export type ScanEntry = { kind: 'file'; file: ArchiveFile } | { kind: 'failure'; failure: FailedFile };

export interface ScanOptions {
  /** Files larger than this are reported as failures (default 50 MB). */
  maxBytes?: number;
  /** Stops the walk early (the generator returns). */
  signal?: AbortSignal;
  /**
   * Follow symlinks that lead outside the archive folder. Off by default: opening an archive someone else made must
   * not show files from elsewhere on the machine (a link to /etc/passwd); such links are reported instead.
   */
  followExternalLinks?: boolean;
  /** Told how many entries (files and problems) were found so far, now and then. */
  onProgress?: (found: number) => void;
}

export interface ScanResult {
  files: ArchiveFile[];
  failures: FailedFile[];
}

/** Lists every article file under root. Throws only when root itself cannot be read as a folder. */
export async function scanArchive(root: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const result: ScanResult = { files: [], failures: [] };
  let found = 0;
  for await (const entry of walkArchive(root, opts)) {
    if (entry.kind === 'file') result.files.push(entry.file);
    else result.failures.push(entry.failure);
    if (++found % 100 === 0) opts.onProgress?.(found);
  }
  opts.onProgress?.(found);
  return result;
}

/**
 * Streams the archive's article files and problems, depth first, names in code-point order.
 * Throws only when root itself is not a readable folder (the caller reports that to the user).
 */
export async function* walkArchive(root: string, opts: ScanOptions = {}): AsyncGenerator<ScanEntry> {
  const rootInfo = await stat(root);
  if (!rootInfo.isDirectory()) throw new Error(`not a folder: ${root}`);
  const walk: Walk = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    signal: opts.signal,
    visited: new Map([[dirKey(rootInfo), '']]),
    realRoot: opts.followExternalLinks ? null : await realpath(root),
  };
  yield* walkDir(root, '', [dirKey(rootInfo)], walk);
}

interface Walk {
  maxBytes: number;
  signal: AbortSignal | undefined;
  /** Folders read so far (device:inode → relative path). */
  visited: Map<string, string>;
  /** The archive folder with its links resolved; null when links leading outside it are followed. */
  realRoot: string | null;
}

/** The longest the walk keeps the thread busy with synchronous stats before letting other work in. */
const MAX_BUSY_MS = 10;
let busySince = 0;
/** A stat slower than this (a network drive) makes the rest of its folder use asynchronous stats. */
const SLOW_STAT_MS = 5;

/** Asynchronous stats under way at once: each one waited for its own turn of a busy event loop. */
const STATS_AHEAD = 32;

/**
 * Stats of the article files of one folder. Synchronous where stats are fast: awaiting each one on the thread pool
 * made a reopen of 100,000 files take seconds. The first of a folder, and all of them after a slow one, are
 * asynchronous: a drive that is already slow never blocks the app, one that turns slow during the walk blocks it
 * for one stat. Asynchronous stats are asked for STATS_AHEAD files ahead, in the order the walk needs them: while
 * searches keep the app busy, a walk that waited for each stat in turn took minutes.
 */
class FolderStats {
  private sync: boolean | undefined;
  private ahead = new Map<string | Buffer, Promise<Stats>>();
  private next = 0;

  /** `paths`: the files the walk will ask about, in order. */
  constructor(private readonly paths: (string | Buffer)[]) {}

  async of(path: string | Buffer): Promise<Stats> {
    const started = performance.now();
    if (this.sync === undefined) {
      const info = await stat(path);
      this.sync = performance.now() - started < SLOW_STAT_MS;
      return info;
    }
    if (!this.sync) return this.statAhead(path);
    const info = statSync(path);
    if (performance.now() - started > SLOW_STAT_MS) this.sync = false;
    return info;
  }

  private statAhead(path: string | Buffer): Promise<Stats> {
    const at = this.paths.indexOf(path, this.next);
    if (at < 0) return stat(path); // a link to a file: not in the list
    this.next = at;
    for (let i = this.next; i < Math.min(this.paths.length, this.next + STATS_AHEAD); i++) {
      const p = this.paths[i];
      if (!this.ahead.has(p)) {
        const info = stat(p);
        info.catch(() => undefined); // its walk may stop before asking for it
        this.ahead.set(p, info);
      }
    }
    const info = this.ahead.get(path) ?? stat(path);
    this.ahead.delete(path);
    return info;
  }
}

function dirKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

/** What a Dirent and a Stats both tell of a folder entry's kind. */
type FileType = Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** A folder entry: its name as text, and its path (bytes when the name, or one above it, is not valid UTF-8). */
interface Entry {
  name: string;
  abs: string | Buffer;
  type: FileType;
  /** The name is not valid UTF-8: `name` shows U+FFFD for the bytes that are not. */
  badName: boolean;
}

async function readEntries(absDir: string | Buffer): Promise<Entry[]> {
  const dirents = await readdir(absDir, { withFileTypes: true });
  const entries: Entry[] = dirents.map((d) => ({ name: d.name, abs: childPath(absDir, d.name), type: d, badName: false }));
  if (!dirents.some((d) => d.name.includes('\uFFFD'))) return entries;
  // Some name may not be valid UTF-8: as text it would name no file (or another one). Read by its bytes.
  return (await readdir(absDir, { withFileTypes: true, encoding: 'buffer' })).map((d) => {
    const name = d.name.toString('utf8');
    const badName = !Buffer.from(name).equals(d.name);
    return { name, abs: badName ? childPath(absDir, d.name) : childPath(absDir, name), type: d, badName };
  });
}

/** A path as fs takes it: a Buffer path arrives in a worker as a Uint8Array. */
export function fsPath(path: string | Uint8Array): string | Buffer {
  return typeof path === 'string' || Buffer.isBuffer(path) ? path : Buffer.from(path);
}

function childPath(dir: string | Buffer, name: string | Buffer): string | Buffer {
  if (typeof dir === 'string' && typeof name === 'string') return join(dir, name);
  return Buffer.concat([Buffer.from(dir), Buffer.from(sep), Buffer.from(name)]);
}

function isInside(real: string, realRoot: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

/** Why a folder entry that is neither a file nor a folder is not read. */
function specialFileReason(type: FileType): FailureReason {
  if (type.isFIFO()) return { code: 'named-pipe' };
  if (type.isCharacterDevice() || type.isBlockDevice()) return { code: 'device-file' };
  if (type.isSocket()) return { code: 'socket-file' };
  return { code: 'not-regular-file' };
}

async function* walkDir(absDir: string | Buffer, relDir: string, ancestors: string[], walk: Walk): AsyncGenerator<ScanEntry> {
  const { maxBytes, signal, visited } = walk;
  let entries: Entry[];
  try {
    entries = await readEntries(absDir);
  } catch (e) {
    yield failure(relDir || '.', folderUnreadable(e));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const stats = new FolderStats(entries.filter((e) => e.type.isFile() && !e.name.startsWith('.') && articleFormatOf(e.name)).map((e) => e.abs));
  const seenNames = new Set<string>();
  for (const entry of entries) {
    if (signal?.aborted) return;
    if (entry.name.startsWith('.')) continue;
    const abs = entry.abs;
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.badName && seenNames.has(entry.name)) {
      yield failure(rel, { code: 'name-not-utf8-clash' });
      continue;
    }
    seenNames.add(entry.name);
    let type: FileType = entry.type;
    if (type.isSymbolicLink()) {
      try {
        type = await stat(abs);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') yield failure(rel, { code: 'symlink-loop' });
        else if (code === 'ENOENT') yield failure(rel, { code: 'broken-symlink' });
        else if (articleFormatOf(entry.name)) yield failure(rel, describeFsError(e));
        continue;
      }
      if (walk.realRoot !== null && (type.isDirectory() || articleFormatOf(entry.name))) {
        const target = await shown(abs);
        if (!isInside(target, walk.realRoot)) {
          yield failure(rel, { code: 'symlink-outside-archive', params: { target } });
          continue;
        }
      }
    }
    const isDir = type.isDirectory();
    if (isDir) {
      let info;
      try {
        info = await stat(abs);
      } catch (e) {
        yield failure(rel, folderUnreadable(e));
        continue;
      }
      const key = dirKey(info);
      if (ancestors.includes(key)) {
        yield failure(rel, { code: 'symlink-to-enclosing-folder', params: { target: await shown(abs) } });
        continue;
      }
      const seenAt = visited.get(key);
      if (seenAt !== undefined) {
        yield failure(rel, { code: 'folder-linked-twice', params: { first: seenAt || '.' } });
        continue;
      }
      visited.set(key, rel);
      yield* walkDir(abs, rel, [...ancestors, key], walk);
      continue;
    }
    const format = articleFormatOf(entry.name);
    if (!format) continue;
    if (!type.isFile()) {
      yield failure(rel, specialFileReason(type));
      continue;
    }
    if (performance.now() - busySince > MAX_BUSY_MS) {
      await new Promise(setImmediate);
      busySince = performance.now();
    }
    try {
      const info = await stats.of(abs);
      if (info.size > maxBytes) yield failure(rel, tooLarge(info.size, maxBytes));
      else yield { kind: 'file', file: { relPath: rel, absPath: abs, format, size: info.size, mtimeMs: info.mtimeMs } };
    } catch (e) {
      yield failure(rel, describeFsError(e));
    }
  }
}

async function shown(abs: string | Buffer): Promise<string> {
  try {
    return await realpath(abs, 'utf8');
  } catch {
    return abs.toString();
  }
}

function failure(path: string, reason: FailureReason): ScanEntry {
  return { kind: 'failure', failure: { path, ...reason } };
}
