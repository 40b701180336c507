// Permission errors cannot be produced for root (tests may run as root), so the file system reports them here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const denied = (path: unknown): boolean => String(path).includes('locked');
  const eacces = (path: unknown): NodeJS.ErrnoException =>
    Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
  const readdir = ((path: unknown, ...rest: unknown[]) =>
    denied(path) ? Promise.reject(eacces(path)) : (real.readdir as (...a: unknown[]) => unknown)(path, ...rest)) as typeof real.readdir;
  const readFile = ((path: unknown, ...rest: unknown[]) =>
    denied(path) ? Promise.reject(eacces(path)) : (real.readFile as (...a: unknown[]) => unknown)(path, ...rest)) as typeof real.readFile;
  return { ...real, default: { ...real, readdir, readFile }, readdir, readFile };
});

const { scanArchive } = await import('../../../src/articles/scan-archive.js');
const { parseArticleFile } = await import('../../../src/articles/parse-file.js');

const root = mkdtempSync(join(tmpdir(), 'unreadable-'));
mkdirSync(join(root, 'locked-folder'));
writeFileSync(join(root, 'locked-folder', 'a.txt'), 'نص');
writeFileSync(join(root, 'locked-file.txt'), 'نص');
writeFileSync(join(root, 'open.txt'), 'عنوان\n\nنص');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('unreadable folders and files', () => {
  it('reports a folder that cannot be opened and scans the rest', async () => {
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['locked-file.txt', 'open.txt']);
    expect(failures).toEqual([{ path: 'locked-folder', code: 'folder-unreadable', params: { reason: 'permission-denied', errno: 'EACCES' } }]);
  });

  it('reports a file that cannot be read', async () => {
    expect(await parseArticleFile(join(root, 'locked-file.txt'), 'locked-file.txt')).toEqual({
      articles: [],
      failures: [{ path: 'locked-file.txt', code: 'permission-denied', params: { errno: 'EACCES' } }],
    });
    expect((await parseArticleFile(join(root, 'open.txt'), 'open.txt')).articles).toHaveLength(1);
  });

  it('reports a file deleted between scan and parse', async () => {
    expect(await parseArticleFile(join(root, 'deleted.txt'), 'deleted.txt')).toEqual({
      articles: [],
      failures: [{ path: 'deleted.txt', code: 'not-found', params: { errno: 'ENOENT' } }],
    });
  });
});
