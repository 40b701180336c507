import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the index of an archive lives: outside the archive, in the user's cache folder
 * ($XDG_CACHE_HOME or ~/.cache)/archive-reader/<hash of the absolute archive path>; `override` replaces it.
 */
export function cacheDirFor(archiveRoot: string, override?: string): string {
  if (override) return resolve(override);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const key = createHash('sha256').update(resolve(archiveRoot)).digest('hex').slice(0, 24);
  return join(base, 'archive-reader', key);
}
