// Walks an archive folder (sub-folders included, symlinks followed) and lists the article files in it by
// extension. Hidden names (starting with '.') are skipped; unknown extensions are ignored. Problems are
// reported per path, never thrown: unreadable folders, symlink loops, broken symlinks, oversized files.
// Nothing in the folder is written.
import type { Dirent, Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleFormat, FailedFile } from '../api.js';
import { describeFsError } from './fs-errors.js';
import { articleFormatOf } from './formats.js';
import { DEFAULT_MAX_BYTES, tooLargeError } from './size-limit.js';

export interface ArchiveFile {
  /** Relative to the archive root, '/' separators: the article id (before any '#n'). */
  relPath: string;
  absPath: string;
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
}

export interface ScanResult {
  files: ArchiveFile[];
  failures: FailedFile[];
}

/** Lists every article file under root. Throws only when root itself cannot be read as a folder. */
export async function scanArchive(root: string, opts: ScanOptions = {}): Promise<ScanResult> {
  const result: ScanResult = { files: [], failures: [] };
  for await (const entry of walkArchive(root, opts)) {
    if (entry.kind === 'file') result.files.push(entry.file);
    else result.failures.push(entry.failure);
  }
  return result;
}

/**
 * Streams the archive's article files and problems, depth first, names in code-point order.
 * Throws only when root itself is not a readable folder (the caller reports that to the user).
 */
export async function* walkArchive(root: string, opts: ScanOptions = {}): AsyncGenerator<ScanEntry> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const rootInfo = await stat(root);
  if (!rootInfo.isDirectory()) throw new Error(`not a folder: ${root}`);
  const visited = new Map<string, string>([[dirKey(rootInfo), '']]);
  yield* walkDir(root, '', [dirKey(rootInfo)], visited, maxBytes, opts.signal);
}

/** The longest the walk keeps the thread busy with synchronous stats before letting other work in. */
const MAX_BUSY_MS = 10;
let busySince = 0;
/** A stat slower than this (a network drive) makes the rest of its folder use asynchronous stats. */
const SLOW_STAT_MS = 5;

/**
 * Stats of the article files of one folder. Synchronous where stats are fast: awaiting each one on the thread pool
 * made a reopen of 100,000 files take seconds. The first of a folder, and all of them after a slow one, are
 * asynchronous: a drive that is already slow never blocks the app, one that turns slow during the walk blocks it
 * for one stat.
 */
class FolderStats {
  private sync: boolean | undefined;

  async of(path: string): Promise<Stats> {
    const started = performance.now();
    if (this.sync === undefined) {
      const info = await stat(path);
      this.sync = performance.now() - started < SLOW_STAT_MS;
      return info;
    }
    if (!this.sync) return stat(path);
    const info = statSync(path);
    if (performance.now() - started > SLOW_STAT_MS) this.sync = false;
    return info;
  }
}

function dirKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

async function* walkDir(
  absDir: string,
  relDir: string,
  ancestors: string[],
  visited: Map<string, string>,
  maxBytes: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<ScanEntry> {
  let entries: Dirent[];
  try {
    entries = await readdir(absDir, { withFileTypes: true });
  } catch (e) {
    yield failure(relDir || '.', `cannot open folder: ${describeFsError(e)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const stats = new FolderStats();
  for (const entry of entries) {
    if (signal?.aborted) return;
    if (entry.name.startsWith('.')) continue;
    const abs = join(absDir, entry.name);
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(abs);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') yield failure(rel, 'symlink loop (the link points back to itself)');
        else if (code === 'ENOENT') yield failure(rel, 'broken symlink (its target does not exist)');
        else if (articleFormatOf(entry.name)) yield failure(rel, describeFsError(e));
        continue;
      }
    }
    if (isDir) {
      let info;
      try {
        info = await stat(abs);
      } catch (e) {
        yield failure(rel, `cannot open folder: ${describeFsError(e)}`);
        continue;
      }
      const key = dirKey(info);
      if (ancestors.includes(key)) {
        yield failure(rel, `symlink loop (points to the enclosing folder ${await shown(abs)})`);
        continue;
      }
      const seenAt = visited.get(key);
      if (seenAt !== undefined) {
        yield failure(rel, `same folder as ${seenAt || '.'} (linked twice), read once`);
        continue;
      }
      visited.set(key, rel);
      yield* walkDir(abs, rel, [...ancestors, key], visited, maxBytes, signal);
      continue;
    }
    if (!isFile) continue;
    const format = articleFormatOf(entry.name);
    if (!format) continue;
    if (performance.now() - busySince > MAX_BUSY_MS) {
      await new Promise(setImmediate);
      busySince = performance.now();
    }
    try {
      const info = await stats.of(abs);
      if (info.size > maxBytes) yield failure(rel, tooLargeError(info.size, maxBytes));
      else yield { kind: 'file', file: { relPath: rel, absPath: abs, format, size: info.size, mtimeMs: info.mtimeMs } };
    } catch (e) {
      yield failure(rel, describeFsError(e));
    }
  }
}

async function shown(abs: string): Promise<string> {
  try {
    return await realpath(abs);
  } catch {
    return abs;
  }
}

function failure(path: string, error: string): ScanEntry {
  return { kind: 'failure', failure: { path, error } };
}
