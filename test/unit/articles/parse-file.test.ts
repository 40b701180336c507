import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFormatOf } from '../../../src/articles/formats.js';
import { parseArticleBuffer, parseArticleFile, readArticleFile, readArticleFileSync } from '../../../src/articles/parse-file.js';
import { scanArchive } from '../../../src/articles/scan-archive.js';

describe('parseArticleFile / parseArticleBuffer', () => {
  it('reports a file over the size limit without reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-file-'));
    try {
      writeFileSync(join(dir, 'big.txt'), Buffer.alloc(3 * 1024 * 1024, 0x61));
      expect(await parseArticleFile(join(dir, 'big.txt'), 'big.txt', { maxBytes: 1024 * 1024 })).toEqual({
        articles: [],
        failures: [{ path: 'big.txt', code: 'too-large', params: { size: 3 * 1024 * 1024, limit: 1024 * 1024 } }],
      });
      expect(parseArticleBuffer(Buffer.alloc(2048, 0x61), 'b.txt', { maxBytes: 1024 }).failures[0]).toMatchObject({ code: 'too-large', params: { size: 2048, limit: 1024 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a folder given as a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-file-'));
    try {
      expect((await parseArticleFile(dir, 'folder.txt')).failures).toEqual([{ path: 'folder.txt', code: 'is-folder' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32')('reports a named pipe instead of waiting on it forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-file-'));
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      expect((await parseArticleFile(join(dir, 'pipe.txt'), 'pipe.txt')).failures).toEqual([
        { path: 'pipe.txt', code: 'not-regular-file' },
      ]);
      expect((await scanArchive(dir)).files).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32')('reads files the same way with and without blocking (workers read synchronously)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-file-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'عنوان\n\nنص.\n');
      writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2048, 0x61));
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      const cases: [string, string][] = [
        ['a.txt', 'a.txt'],
        ['big.txt', 'big.txt'],
        ['pipe.txt', 'pipe.txt'],
        ['.', 'folder.txt'],
        ['missing.txt', 'missing.txt'],
      ];
      const expected = [
        { bytes: Buffer.from('عنوان\n\nنص.\n') },
        { failed: { articles: [], failures: [{ path: 'big.txt', code: 'too-large', params: { size: 2048, limit: 1024 } }] } },
        { failed: { articles: [], failures: [{ path: 'pipe.txt', code: 'not-regular-file' }] } },
        { failed: { articles: [], failures: [{ path: 'folder.txt', code: 'is-folder' }] } },
        { failed: { articles: [], failures: [{ path: 'missing.txt', code: 'not-found', params: { errno: 'ENOENT' } }] } },
      ];
      for (const [i, [name, rel]] of cases.entries()) {
        expect(readArticleFileSync(join(dir, name), rel, { maxBytes: 1024 })).toEqual(expected[i]);
        expect(await readArticleFile(join(dir, name), rel, { maxBytes: 1024 })).toEqual(expected[i]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unknown extension', () => {
    expect(parseArticleBuffer(Buffer.from('x'), 'a.pdf').failures).toEqual([{ path: 'a.pdf', code: 'unknown-extension' }]);
  });

  it('sets bytes to the file size and id to the relative path', () => {
    const buf = Buffer.from('عنوان\n\nنص المقال.\n');
    const [a] = parseArticleBuffer(buf, 'x/y/z.txt').articles;
    expect(a).toEqual({ id: 'x/y/z.txt', title: 'عنوان', tags: [], bytes: buf.length, format: 'txt', text: 'نص المقال.' });
  });
});

describe('articleFormatOf', () => {
  it.each([
    ['a.txt', 'txt'],
    ['A.TXT', 'txt'],
    ['a.md', 'md'],
    ['a.html', 'html'],
    ['a.Htm', 'html'],
    ['a.json', 'json'],
    ['a.jsonl', 'jsonl'],
    ['a.pdf', undefined],
    ['a.docx', undefined],
    ['README', undefined],
    ['a.txt.bak', undefined],
  ])('%s → %s', (name, format) => {
    expect(articleFormatOf(name)).toBe(format);
  });
});
