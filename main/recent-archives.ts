// The list of recently opened archive folders, most recent first.
import { existsSync, statSync } from 'node:fs';

export const MAX_RECENT = 10;

/** `path` moved (or added) to the front; duplicates removed; at most `max` entries. */
export function addRecent(list: readonly string[], path: string, max = MAX_RECENT): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, max);
}

/** Only the entries that are still folders on disk (a drive may be unplugged; the entry stays stored). */
export function existingFolders(list: readonly string[], isFolder: (p: string) => boolean = folderExists): string[] {
  return list.filter((p) => isFolder(p));
}

export function folderExists(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isDirectory();
  } catch {
    return false;
  }
}
