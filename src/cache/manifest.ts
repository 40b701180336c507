// The cache's table of contents: which files were read (size + mtime), which articles they gave, and which
// segment files hold the index. Anything unexpected — another format version, another archive, a segment list of
// the wrong length — makes the whole cache untrusted, and the archive is indexed again from scratch.
// (A missing or damaged segment file costs only its own articles: see index/cache-damage.ts.)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FailedFile, IndexReport } from '../api.js';
import { writeFileAtomic } from './atomic-write.js';

export const CACHE_FORMAT_VERSION = 9;
const MANIFEST = 'manifest.json.gz';

export interface FileRecord {
  size: number;
  mtimeMs: number;
  /** Ids of the articles the file gave. */
  ids: string[];
  /** Problems found while parsing it (the whole file, or single records of a .jsonl/.json file). */
  failures: FailedFile[];
}

export interface SegmentRecord {
  index: string;
  pack: string;
  indexBytes: number;
  packBytes: number;
  /** CRC-32 of the whole pack file (its records are checked one by one when read; this checks them all at once). */
  packCrc: number;
  docs: number;
}

export interface Manifest {
  version: number;
  root: string;
  segmentCount: number;
  generation: number;
  files: Record<string, FileRecord>;
  /** Null where the segment holds no article. */
  segments: (SegmentRecord | null)[];
  scanFailures: FailedFile[];
  lastReport?: IndexReport;
}

export function emptyManifest(root: string, segmentCount: number): Manifest {
  return {
    version: CACHE_FORMAT_VERSION,
    root,
    segmentCount,
    generation: 0,
    files: {},
    segments: new Array(segmentCount).fill(null),
    scanFailures: [],
  };
}

export function writeManifest(cacheDir: string, manifest: Manifest): void {
  writeFileAtomic(join(cacheDir, MANIFEST), gzipSync(JSON.stringify(manifest), { level: 4 }));
}

/** The manifest, or why it cannot be used (`damaged` when it does not read back as written). */
export type ManifestRead = { manifest: Manifest } | { manifest: null; reason: string; damaged?: boolean };

/** The cache's manifest for `root`, or the reason it cannot be trusted. */
export function readManifest(cacheDir: string, root: string): ManifestRead {
  const path = join(cacheDir, MANIFEST);
  if (!existsSync(path)) return { manifest: null, reason: 'no index yet' };
  let m: Manifest;
  try {
    m = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Manifest;
  } catch (e) {
    return { manifest: null, reason: `index cache is damaged (${(e as Error).message})`, damaged: true };
  }
  if (!m || typeof m !== 'object' || m.version !== CACHE_FORMAT_VERSION)
    return { manifest: null, reason: `index cache has format version ${m?.version}, expected ${CACHE_FORMAT_VERSION}` };
  if (m.root !== root) return { manifest: null, reason: 'index cache belongs to another archive' };
  if (!Array.isArray(m.segments) || m.segments.length !== m.segmentCount || typeof m.files !== 'object')
    return { manifest: null, reason: 'index cache is damaged (bad manifest)', damaged: true };
  return { manifest: m };
}
