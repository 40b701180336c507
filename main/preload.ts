// Sandboxed preload: exposes exactly two objects to the page, `archiveApi` (one function per API method)
// and `archiveShell` (native extras). Never ipcRenderer itself, never Node. Main checks every message again.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, type ArchiveApi } from '../src/api.js';
import { CHANNELS } from './ipc-channels.js';
import type { CallReply } from './ipc-guard.js';

async function unwrap<T>(reply: Promise<CallReply>): Promise<T> {
  const r = await reply;
  if (!r || typeof r !== 'object') throw new Error('no reply from the app');
  if (!r.ok) throw new Error(r.error);
  return r.result as T;
}

const archiveApi = Object.fromEntries(
  API_METHODS.map((method) => [method, (arg?: unknown) => unwrap(ipcRenderer.invoke(CHANNELS.archiveCall, method, arg))]),
) as unknown as ArchiveApi;

const archiveShell = {
  pickFolder: (): Promise<string | null> => unwrap(ipcRenderer.invoke(CHANNELS.pickFolder)),
  recentArchives: (): Promise<string[]> => unwrap(ipcRenderer.invoke(CHANNELS.recentArchives)),
  openExternal: (url: string): Promise<void> => unwrap(ipcRenderer.invoke(CHANNELS.openExternal, String(url))),
  /** Optional extra: the menu follows the UI language ('ar' | 'en'). */
  setLanguage: (language: string): Promise<void> => unwrap(ipcRenderer.invoke(CHANNELS.setLanguage, String(language))),
  /** Saves an export through the native save dialog: the full path written, or null if cancelled. */
  saveExport: (fileName: string, content: string): Promise<string | null> =>
    unwrap(ipcRenderer.invoke(CHANNELS.saveExport, String(fileName), String(content))),
};

contextBridge.exposeInMainWorld('archiveApi', archiveApi);
contextBridge.exposeInMainWorld('archiveShell', archiveShell);
