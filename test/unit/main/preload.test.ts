import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../src/api.js';

const exposed: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
const invoke = vi.fn();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: Record<string, (...args: unknown[]) => Promise<unknown>>) => (exposed[name] = value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

await import('../../../main/preload.js');

beforeEach(() => invoke.mockReset());

describe('preload', () => {
  it('exposes exactly archiveApi and archiveShell, never ipcRenderer', () => {
    expect(Object.keys(exposed).sort()).toEqual(['archiveApi', 'archiveShell']);
    for (const value of Object.values(exposed)) for (const fn of Object.values(value)) expect(typeof fn).toBe('function');
  });

  it('gives archiveApi one function per API method and nothing more', () => {
    expect(Object.keys(exposed.archiveApi).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(exposed.archiveShell).sort()).toEqual(['openExternal', 'pickFolder', 'recentArchives', 'saveExport', 'setLanguage']);
  });

  it('sends every API call over archive:call and returns the result', async () => {
    invoke.mockResolvedValue({ ok: true, result: { total: 0 } });
    await expect(exposed.archiveApi.search({ query: 'غزة' })).resolves.toEqual({ total: 0 });
    expect(invoke).toHaveBeenCalledWith('archive:call', 'search', { query: 'غزة' });
  });

  it('rejects with the plain message main sent', async () => {
    invoke.mockResolvedValue({ ok: false, error: 'getArticle: id: Too small' });
    await expect(exposed.archiveApi.getArticle({ id: '' })).rejects.toThrow(/^getArticle: id: Too small$/);
  });

  it('routes the shell extras to their own channels', async () => {
    invoke.mockResolvedValue({ ok: true, result: null });
    await exposed.archiveShell.pickFolder();
    await exposed.archiveShell.openExternal('https://example.com');
    await exposed.archiveShell.saveExport('annotations.md', '# x');
    expect(invoke.mock.calls).toEqual([['shell:pickFolder'], ['shell:openExternal', 'https://example.com'], ['shell:saveExport', 'annotations.md', '# x']]);
  });
});
