// The per-user state file (state.json in the user-data folder, XDG_CONFIG_HOME/archive-reader on Linux):
// last and recent archives, window geometry, menu language and theme. scripts/start.mjs reads and writes the
// same file in browser mode. A damaged file is set aside, never fatal.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { WindowState } from './window-state.js';
import { addRecent } from './recent-archives.js';

export type UiLanguage = 'ar' | 'en';
/** The reader's themes (renderer/src/lib/settings.ts). */
export type UiTheme = 'light' | 'dark' | 'sepia';

export interface AppState {
  lastArchive?: string;
  recentArchives: string[];
  window?: WindowState;
  language?: UiLanguage;
  theme?: UiTheme;
}

export function emptyState(): AppState {
  return { recentArchives: [] };
}

/** Reads the state; a missing file gives the empty state, a corrupt one is renamed to state.json.bad. */
export function loadState(file: string): AppState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return emptyState();
  }
  try {
    return sanitize(JSON.parse(text));
  } catch {
    try {
      renameSync(file, `${file}.bad`);
    } catch {
      // keep going with defaults
    }
    return emptyState();
  }
}

/** Writes atomically (temporary file + rename), so a crash never leaves half a file. */
export function saveState(file: string, state: AppState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  renameSync(tmp, file);
}

export function withArchiveOpened(state: AppState, path: string): AppState {
  return { ...state, lastArchive: path, recentArchives: addRecent(state.recentArchives, path) };
}

function sanitize(raw: unknown): AppState {
  const state = emptyState();
  if (!raw || typeof raw !== 'object') return state;
  const r = raw as Record<string, unknown>;
  if (typeof r.lastArchive === 'string' && r.lastArchive) state.lastArchive = r.lastArchive;
  if (Array.isArray(r.recentArchives)) state.recentArchives = r.recentArchives.filter((p): p is string => typeof p === 'string' && p !== '');
  if (r.window && typeof r.window === 'object') state.window = r.window as WindowState;
  if (r.language === 'ar' || r.language === 'en') state.language = r.language;
  if (r.theme === 'light' || r.theme === 'dark' || r.theme === 'sepia') state.theme = r.theme;
  return state;
}
