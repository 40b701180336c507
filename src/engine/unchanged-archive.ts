// Whether an archive is exactly as the cache's manifest describes it (same files, sizes and modification times,
// same unreadable entries): then the saved index answers as it is, and a search from the command line needs no
// lock, no indexer and no worker. Anything else goes to a real indexing run, which re-checks under the lock.
import type { IndexReport } from '../api.js';
import { scanArchive } from '../articles/scan-archive.js';
import type { Manifest } from '../cache/manifest.js';

export async function reportIfUnchanged(root: string, manifest: Manifest, signal?: AbortSignal): Promise<IndexReport | null> {
  const started = Date.now();
  const scan = await scanArchive(root, { signal });
  if (JSON.stringify(scan.failures) !== JSON.stringify(manifest.scanFailures)) return null;
  if (scan.files.length !== Object.keys(manifest.files).length) return null;
  let articles = 0;
  for (const f of scan.files) {
    const rec = Object.hasOwn(manifest.files, f.relPath) ? manifest.files[f.relPath] : undefined;
    if (!rec || rec.size !== f.size || rec.mtimeMs !== f.mtimeMs) return null;
    articles += rec.ids.length;
  }
  const failed = [...scan.failures, ...Object.values(manifest.files).flatMap((f) => f.failures)];
  return { articles, indexed: 0, unchanged: articles, removed: 0, failed, ms: Date.now() - started };
}
