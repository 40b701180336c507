// Which archive the app opens on start, and the writable copy of the bundled sample archive.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { folderExists } from './recent-archives.js';

/**
 * The folder named on the command line, if any: the first argument after the app's own ones that is not a
 * flag (`electron . FOLDER` in development, `archive-reader FOLDER` when packaged).
 */
export function archiveFromArgv(argv: readonly string[], isPackaged: boolean, cwd: string): string | undefined {
  const args = argv.slice(isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a !== '.');
  return args.length > 0 ? resolve(cwd, args[0]) : undefined;
}

/**
 * Copies the bundled sample archive (read-only inside an installed app) into a writable folder on first use,
 * adding any missing files later without touching the user's annotations or the index cache.
 */
export function ensureSampleCopy(bundled: string, target: string): string {
  if (!existsSync(bundled)) throw new Error(`the sample archive is missing from the installation: ${bundled}`);
  mkdirSync(target, { recursive: true });
  cpSync(bundled, target, { recursive: true, force: false, errorOnExist: false });
  return target;
}

export type StartupReason = 'argument' | 'last' | 'sample';

/**
 * The archives to try on start, in order: the command line's, then the last one if it still exists, then the
 * sample archive (made on demand, only when reached).
 */
export function* startupCandidates(
  fromArgv: string | undefined,
  lastArchive: string | undefined,
  sample: () => string,
  isFolder: (p: string) => boolean = folderExists,
): Generator<{ path: string; reason: StartupReason }> {
  if (fromArgv) yield { path: fromArgv, reason: 'argument' };
  if (lastArchive && lastArchive !== fromArgv && isFolder(lastArchive)) yield { path: lastArchive, reason: 'last' };
  let samplePath: string | undefined;
  try {
    samplePath = sample();
  } catch {
    return;
  }
  if (samplePath !== fromArgv && samplePath !== lastArchive) yield { path: samplePath, reason: 'sample' };
}
