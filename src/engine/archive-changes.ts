// How the folder differs from the cache's manifest: which files are unchanged (same size and modification time),
// which must be parsed, and which are gone. Shared by the indexer and by the quick check that lets an unchanged
// archive answer without it.
import type { FailedFile } from '../api.js';
import type { ArchiveFile, ScanResult } from '../articles/scan-archive.js';
import type { FileRecord, Manifest } from '../cache/manifest.js';

export interface ArchiveChanges {
  /** The manifest's records of the files found unchanged, by path. */
  kept: Record<string, FileRecord>;
  /** Articles of the kept files. */
  keptArticles: number;
  /** New and changed files. */
  toParse: ArchiveFile[];
  /** Paths the manifest lists that are no longer in the folder. */
  goneFiles: string[];
  /** Ids of the articles of the gone and changed files. */
  goneIds: Set<string>;
  /** Whether the unreadable entries found by the scan differ from the manifest's. */
  scanFailuresChanged: boolean;
}

export function compareWithManifest(scan: ScanResult, manifest: Manifest): ArchiveChanges {
  const kept: Record<string, FileRecord> = {};
  const toParse: ArchiveFile[] = [];
  let keptArticles = 0;
  for (const f of scan.files) {
    const rec = Object.hasOwn(manifest.files, f.relPath) ? manifest.files[f.relPath] : undefined;
    if (rec && rec.size === f.size && rec.mtimeMs === f.mtimeMs) {
      kept[f.relPath] = rec;
      keptArticles += rec.ids.length;
    } else toParse.push(f);
  }
  const changed = new Set(toParse.map((f) => f.relPath));
  const goneFiles: string[] = [];
  const goneIds = new Set<string>();
  for (const [path, rec] of Object.entries(manifest.files)) {
    if (Object.hasOwn(kept, path)) continue;
    if (!changed.has(path)) goneFiles.push(path);
    for (const id of rec.ids) goneIds.add(id);
  }
  const scanFailuresChanged = JSON.stringify(scan.failures) !== JSON.stringify(manifest.scanFailures);
  return { kept, keptArticles, toParse, goneFiles, goneIds, scanFailuresChanged };
}

/**
 * The number of articles when the folder is exactly as the manifest describes it, else null: what
 * compareWithManifest would find with nothing to parse and nothing gone, without building its tables (a reopen
 * of 100,000 files does this every time).
 */
export function unchangedArticles(scan: ScanResult, manifest: Manifest): number | null {
  const files = manifest.files;
  let articles = 0;
  let matched = 0;
  for (const f of scan.files) {
    const rec = Object.hasOwn(files, f.relPath) ? files[f.relPath] : undefined;
    if (!rec || rec.size !== f.size || rec.mtimeMs !== f.mtimeMs) return null;
    articles += rec.ids.length;
    matched++;
  }
  // Scanned paths are distinct, so every manifest file was matched when the counts agree.
  if (matched !== Object.keys(files).length) return null;
  return JSON.stringify(scan.failures) === JSON.stringify(manifest.scanFailures) ? articles : null;
}

/** Every problem to report: the scan's, then each file's. */
export function failuresOf(scanFailures: readonly FailedFile[], files: Record<string, FileRecord>): FailedFile[] {
  const all = [...scanFailures];
  // One push per failure: spreading a file's list into push() overflows the stack past ~120,000 failures.
  for (const path in files) for (const f of files[path].failures) all.push(f);
  return all;
}
