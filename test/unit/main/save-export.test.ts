// The desktop export: a save dialog in Downloads, the file written where the user chose, the full path returned.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSaveExport, type SaveDialogOptions } from '../../../main/save-export.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function setup(choice: (o: SaveDialogOptions) => { canceled: boolean; filePath?: string }) {
  dir = mkdtempSync(join(tmpdir(), 'save-export-'));
  const showSaveDialog = vi.fn(async (o: SaveDialogOptions) => choice(o));
  const save = createSaveExport({ showSaveDialog, writeFile: (p, c) => writeFile(p, c, 'utf8'), downloadsFolder: () => join(dir!, 'Downloads') });
  return { save, showSaveDialog };
}

describe('saveExport (main process)', () => {
  it('offers the suggested name in Downloads, writes where the user chose and returns that full path', async () => {
    const { save, showSaveDialog } = setup(() => ({ canceled: false, filePath: join(dir!, 'ملاحظاتي.md') }));
    const path = await save('annotations-2026-12-08.md', '# تعليقاتي\n');
    expect(path).toBe(join(dir!, 'ملاحظاتي.md'));
    expect(readFileSync(path!, 'utf8')).toBe('# تعليقاتي\n');
    expect(showSaveDialog.mock.calls[0][0]).toMatchObject({
      defaultPath: join(dir!, 'Downloads', 'annotations-2026-12-08.md'),
      filters: [{ name: 'MD', extensions: ['md'] }],
    });
  });

  it('writes nothing and returns null when the dialog is cancelled', async () => {
    const { save } = setup(() => ({ canceled: true }));
    await expect(save('annotations.json', '{}')).resolves.toBeNull();
  });

  it('refuses names with folders or other extensions, and content that is not text', async () => {
    const { save, showSaveDialog } = setup(() => ({ canceled: false, filePath: '/tmp/x' }));
    for (const name of ['../evil.md', '/etc/passwd', 'a/b.csv', 'notes.exe', '.md', '', 42]) {
      await expect(save(name, 'x'), String(name)).rejects.toThrow(/file name/);
    }
    await expect(save('a.json', { not: 'text' })).rejects.toThrow(/text/);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});
