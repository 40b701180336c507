// The one place that knows how the API is reached: Electron's preload bridge when present, HTTP otherwise.
// Everything else in the renderer receives a plain ArchiveApi.
import type { ArchiveApi } from '../../src/api.js';
import { ApiError, createHttpApi, tokenFromHash } from './lib/http-api.js';

export interface ShellBridge {
  pickFolder(): Promise<string | null>;
  recentArchives(): Promise<string[]>;
  openExternal(url: string): Promise<void>;
  /** Saves an export through the native save dialog: the full path written, or null if cancelled. */
  saveExport?(fileName: string, content: string): Promise<string | null>;
}

declare global {
  interface Window {
    archiveApi?: ArchiveApi;
    archiveShell?: ShellBridge;
  }
}

export function connectArchiveApi(): ArchiveApi {
  if (window.archiveApi) return window.archiveApi;
  const token = tokenFromHash(window.location.hash);
  if (!token) {
    throw new ApiError('No access token in the address. Open the exact address printed by `archive-reader serve` (it ends in #token=…).', 0, 'no_token');
  }
  return createHttpApi({ baseUrl: window.location.origin, token, fetch: (url, init) => window.fetch(url, init) });
}

/** Native helpers of the desktop app, or null in a browser. */
export function shellBridge(): ShellBridge | null {
  return window.archiveShell ?? null;
}
