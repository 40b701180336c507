// Damage found in the cache (a segment file that fails its checksum, a pack record that does not read back as
// written) is repaired by indexing again only the files whose articles it held: their records in the manifest are
// marked changed, so the next run parses them and rebuilds just the segments they touch.
import type { FileRecord, Manifest } from '../cache/manifest.js';
import { segmentOf } from './stable-hash.js';

/** An article whose copy in the cache is damaged. */
export class DamagedArticleError extends Error {
  constructor(
    readonly id: string,
    detail: string,
  ) {
    super(`the cached copy of ${id} is damaged (${detail})`);
  }
}

/** A segment whose files cannot be used as they are. */
export interface DamagedSegment {
  segment: number;
  reason: string;
}

/** A size no file has: the record no longer matches its file, which is then parsed again. */
const STALE_SIZE = -1;

/**
 * The manifest with the files that gave the articles `ids`, or any article of `segments`, marked changed, and those
 * segments dropped (their files are not read again); how many files were marked.
 */
export function markForRebuild(manifest: Manifest, damage: { ids?: Iterable<string>; segments?: Iterable<number> }): { manifest: Manifest; files: number } {
  const ids = new Set(damage.ids ?? []);
  const segments = new Set(damage.segments ?? []);
  const S = manifest.segmentCount;
  const files: Record<string, FileRecord> = {};
  let marked = 0;
  for (const [path, rec] of Object.entries(manifest.files)) {
    const hit = rec.ids.some((id) => ids.has(id) || (segments.size > 0 && segments.has(segmentOf(id, S))));
    files[path] = hit ? { ...rec, size: STALE_SIZE } : rec;
    if (hit) marked++;
  }
  const kept = manifest.segments.map((s, i) => (segments.has(i) ? null : s));
  return { manifest: { ...manifest, files, segments: kept }, files: marked };
}
