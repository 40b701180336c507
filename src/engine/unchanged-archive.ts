// Whether an archive is exactly as the cache's manifest describes it (same files, sizes and modification times,
// same unreadable entries): then the saved index answers as it is, and a search from the command line needs no
// lock, no indexer and no worker. Anything else goes to a real indexing run, which re-checks under the lock.
import type { IndexProgress, IndexReport } from '../api.js';
import { scanArchive } from '../articles/scan-archive.js';
import type { Manifest } from '../cache/manifest.js';
import { failuresOf, unchangedArticles } from './archive-changes.js';

export async function reportIfUnchanged(
  root: string,
  manifest: Manifest,
  opts: { signal?: AbortSignal; followExternalLinks?: boolean; onProgress?: (found: number) => void } = {},
): Promise<IndexReport | null> {
  const started = Date.now();
  const scan = await scanArchive(root, opts);
  const articles = unchangedArticles(scan, manifest);
  if (articles === null) return null;
  // Nothing was indexed again: the articles indexed with a warning still are.
  const { warnings, warningCount } = manifest.lastReport ?? {};
  return {
    articles,
    indexed: 0,
    unchanged: articles,
    removed: 0,
    failed: failuresOf(scan.failures, manifest.files),
    ms: Date.now() - started,
    ...(warnings?.length ? { warnings, warningCount } : {}),
  };
}

/**
 * Progress of a walk over the archive, as the 'scanning' phase: entries found out of the files and problems the
 * manifest knew (the walk's end is not known before it ends).
 */
export function scanningProgress(previous: Manifest | null, report: (p: IndexProgress) => void): (found: number) => void {
  const known = previous ? Object.keys(previous.files).length + previous.scanFailures.length : 0;
  return (found) => report({ phase: 'scanning', done: found, total: Math.max(found, known) });
}
