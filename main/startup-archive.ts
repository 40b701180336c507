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

/** Command line first, then the last archive if it still exists, else the sample archive. */
export function chooseStartupArchive(
  fromArgv: string | undefined,
  lastArchive: string | undefined,
  sample: () => string,
  isFolder: (p: string) => boolean = folderExists,
): { path: string; reason: 'argument' | 'last' | 'sample' } {
  if (fromArgv) return { path: fromArgv, reason: 'argument' };
  if (lastArchive && isFolder(lastArchive)) return { path: lastArchive, reason: 'last' };
  return { path: sample(), reason: 'sample' };
}
