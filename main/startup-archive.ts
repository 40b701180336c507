// Which archive the app opens on start, and the writable copy of the bundled sample archive.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { folderExists } from './recent-archives.js';

/**
 * The folder named on the command line, if any. Packaged: `archive-reader [flags] FOLDER`. In development Electron
 * runs as `electron [flags] APP [flags] FOLDER` (APP the project folder or its main script), and tools such as
 * Playwright put their own flags first, so the folder is the first non-flag argument after APP.
 */
export function archiveFromArgv(argv: readonly string[], opts: { isPackaged: boolean; appPath: string; cwd: string }): string | undefined {
  let rest = argv.slice(1);
  if (!opts.isPackaged) {
    const appPath = resolve(opts.appPath);
    const isApp = (arg: string) => {
      if (arg.startsWith('-')) return false;
      const p = resolve(opts.cwd, arg);
      return p === appPath || p.startsWith(appPath + sep);
    };
    const at = rest.findIndex(isApp);
    rest = at === -1 ? [] : rest.slice(at + 1);
  }
  const folder = rest.find((a) => !a.startsWith('-'));
  return folder === undefined ? undefined : resolve(opts.cwd, folder);
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
