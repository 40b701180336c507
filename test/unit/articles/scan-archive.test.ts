import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../../src/articles/parse-file.js';
import { scanArchive, walkArchive } from '../../../src/articles/scan-archive.js';

let root: string;

function put(rel: string, content: string | Buffer = 'نص'): void {
  mkdirSync(join(root, rel, '..'), { recursive: true });
  writeFileSync(join(root, rel), content);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'scan-archive-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('scanArchive', () => {
  it('finds article files in nested folders by extension, case-insensitively, with size and mtime', async () => {
    put('a.txt', 'أ');
    put('b.MD');
    put('2020/c.html');
    put('2020/11/d.HTM');
    put('2020/11/e.json');
    put('feeds/f.JsonL');
    utimesSync(join(root, 'a.txt'), new Date('2021-01-02T03:04:05Z'), new Date('2021-01-02T03:04:05Z'));
    const { files, failures } = await scanArchive(root);
    expect(failures).toEqual([]);
    expect(files.map((f) => [f.relPath, f.format])).toEqual([
      ['2020/11/d.HTM', 'html'],
      ['2020/11/e.json', 'json'],
      ['2020/c.html', 'html'],
      ['a.txt', 'txt'],
      ['b.MD', 'md'],
      ['feeds/f.JsonL', 'jsonl'],
    ]);
    const a = files.find((f) => f.relPath === 'a.txt')!;
    expect(a.absPath).toBe(join(root, 'a.txt'));
    expect(a.size).toBe(Buffer.byteLength('أ'));
    expect(a.mtimeMs).toBe(Date.parse('2021-01-02T03:04:05Z'));
  });

  it('ignores unknown extensions and files without one, without reporting them', async () => {
    put('report.pdf');
    put('notes.docx');
    put('README');
    put('image.png');
    put('ok.txt');
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['ok.txt']);
    expect(failures).toEqual([]);
  });

  it('skips hidden files and folders (annotations, .git)', async () => {
    put('.archive-reader/annotations.json', '{}');
    put('.git/HEAD.txt');
    put('.hidden.txt');
    put('sub/.also-hidden.md');
    put('sub/visible.md');
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['sub/visible.md']);
    expect(failures).toEqual([]);
  });

  it('reports files over the size limit instead of returning them', async () => {
    put('big.txt', Buffer.alloc(2048, 0x61));
    put('small.txt', Buffer.alloc(100, 0x61));
    const { files, failures } = await scanArchive(root, { maxBytes: 1024 });
    expect(files.map((f) => f.relPath)).toEqual(['small.txt']);
    expect(failures).toEqual([{ path: 'big.txt', code: 'too-large', params: { size: 2048, limit: 1024 } }]);
  });

  it('has a 50 MB default size limit', async () => {
    put('ok.txt', Buffer.alloc(1024 * 1024, 0x61));
    const { files } = await scanArchive(root);
    expect(files).toHaveLength(1);
  });

  it('follows symlinks to files and folders inside the archive', async () => {
    put('real/x.txt');
    symlinkSync(join(root, 'real'), join(root, 'also'));
    symlinkSync(join(root, 'real', 'x.txt'), join(root, 'alias.txt'));
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['alias.txt', 'also/x.txt']);
    expect(failures).toEqual([{ path: 'real', code: 'folder-linked-twice', params: { first: 'also' } }]);
  });

  it('does not follow symlinks leading outside the archive, and says so; followExternalLinks follows them', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'scan-outside-'));
    try {
      writeFileSync(join(outside, 'linked.txt'), 'نص');
      symlinkSync(outside, join(root, 'elsewhere'));
      symlinkSync(join(outside, 'linked.txt'), join(root, 'alias.txt'));
      symlinkSync('/etc/passwd', join(root, 'passwd.txt'));
      symlinkSync('/etc/passwd', join(root, 'passwd')); // not an article name: ignored like any such file
      put('inside.txt');
      const real = realpathSync(outside);
      const closed = await scanArchive(root);
      expect(closed.files.map((f) => f.relPath)).toEqual(['inside.txt']);
      expect(closed.failures).toEqual([
        { path: 'alias.txt', code: 'symlink-outside-archive', params: { target: `${real}/linked.txt` } },
        { path: 'elsewhere', code: 'symlink-outside-archive', params: { target: real } },
        { path: 'passwd.txt', code: 'symlink-outside-archive', params: { target: '/etc/passwd' } },
      ]);
      const open = await scanArchive(root, { followExternalLinks: true });
      expect(open.files.map((f) => f.relPath)).toEqual(['alias.txt', 'elsewhere/linked.txt', 'inside.txt', 'passwd.txt']);
      expect(open.failures).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('judges "outside" by where the archive really is, when it is opened through a symlink', async () => {
    put('a.txt');
    const viaLink = join(mkdtempSync(join(tmpdir(), 'scan-via-')), 'link');
    symlinkSync(root, viaLink);
    symlinkSync(join(root, 'a.txt'), join(root, 'b.txt'));
    const { files, failures } = await scanArchive(viaLink);
    expect(files.map((f) => f.relPath)).toEqual(['a.txt', 'b.txt']);
    expect(failures).toEqual([]);
    rmSync(join(viaLink, '..'), { recursive: true, force: true });
  });

  it.skipIf(process.platform === 'win32')('lists named pipes and device files with an article name as failures', async () => {
    put('ok.txt');
    execFileSync('mkfifo', [join(root, 'pipe.txt'), join(root, 'pipe-no-article')]);
    symlinkSync('/dev/null', join(root, 'null.md'));
    const { files, failures } = await scanArchive(root, { followExternalLinks: true });
    expect(files.map((f) => f.relPath)).toEqual(['ok.txt']);
    expect(failures).toEqual([
      { path: 'null.md', code: 'device-file' },
      { path: 'pipe.txt', code: 'named-pipe' },
    ]);
  });

  it.skipIf(process.platform !== 'linux')('reads a file whose name is not valid UTF-8 by its bytes', async () => {
    const rawRoot = Buffer.from(root);
    const name = (bytes: number[]) => Buffer.concat([rawRoot, Buffer.from('/'), Buffer.from(bytes)]);
    mkdirSync(name([0x64, 0xe9])); // "dé" in Latin-1
    writeFileSync(Buffer.concat([name([0x64, 0xe9]), Buffer.from('/\xe1rticle.txt', 'latin1')]), 'نص المقال');
    writeFileSync(name([0x61, 0xff, 0x2e, 0x74, 0x78, 0x74]), 'نص أول'); // a\xff.txt
    writeFileSync(name([0x61, 0xfe, 0x2e, 0x74, 0x78, 0x74]), 'نص ثان'); // a\xfe.txt: reads the same
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['a\uFFFD.txt', 'd\uFFFD/\uFFFDrticle.txt']);
    expect(failures).toEqual([
      { path: 'a\uFFFD.txt', code: 'name-not-utf8-clash' },
    ]);
    const texts = await Promise.all(files.map(async (f) => (await parseArticleFile(f.absPath, f.relPath)).articles.map((a) => [a.id, a.text])));
    expect(texts.flat()).toEqual([
      ['a\uFFFD.txt', 'نص ثان'],
      ['d\uFFFD/\uFFFDrticle.txt', 'نص المقال'],
    ]);
  });

  it('reports a symlink loop once and keeps scanning', async () => {
    put('a/article.txt');
    symlinkSync(join(root, 'a'), join(root, 'a', 'loop'));
    symlinkSync(root, join(root, 'a', 'to-root'));
    symlinkSync(join(root, 'self.txt'), join(root, 'self.txt')); // a link to itself
    put('z.txt');
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['a/article.txt', 'z.txt']);
    expect(failures).toEqual([
      { path: 'a/loop', code: 'symlink-to-enclosing-folder', params: { target: expect.stringMatching(/\/a$/) } },
      { path: 'a/to-root', code: 'symlink-to-enclosing-folder', params: { target: expect.any(String) } },
      { path: 'self.txt', code: 'symlink-loop' },
    ]);
  });

  it('reads a folder linked twice once and says so', async () => {
    put('real/x.txt');
    symlinkSync(join(root, 'real'), join(root, 'twin'));
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['real/x.txt']);
    expect(failures).toEqual([{ path: 'twin', code: 'folder-linked-twice', params: { first: 'real' } }]);
  });

  it('reports broken symlinks', async () => {
    symlinkSync(join(root, 'missing.txt'), join(root, 'gone.txt'));
    symlinkSync(join(root, 'missing-dir'), join(root, 'gone-dir'));
    put('ok.txt');
    const { files, failures } = await scanArchive(root);
    expect(files.map((f) => f.relPath)).toEqual(['ok.txt']);
    expect(failures).toEqual([
      { path: 'gone-dir', code: 'broken-symlink' },
      { path: 'gone.txt', code: 'broken-symlink' },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable folder and keeps scanning (not checkable as root)', async () => {
    put('locked/secret.txt');
    put('open.txt');
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const { files, failures } = await scanArchive(root);
      expect(files.map((f) => f.relPath)).toEqual(['open.txt']);
      expect(failures).toEqual([{ path: 'locked', code: 'folder-unreadable', params: { reason: 'permission-denied', errno: 'EACCES' } }]);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('never writes to the folder (scan and parse leave every name, size and mtime as it was)', async () => {
    put('a.txt', 'عنوان\n\nنص');
    put('sub/b.md', '# عنوان\n\nنص');
    put('sub/c.jsonl', '{"title":"ع","text":"ن"}\n');
    const snapshot = (): string =>
      JSON.stringify(
        [root, ...readdirSync(root, { recursive: true, encoding: 'utf8' }).sort().map((r) => join(root, r))].map((p) => {
          const s = lstatSync(p);
          return [p, s.size, s.mtimeMs, s.ctimeMs];
        }),
      );
    const before = snapshot();
    const { files } = await scanArchive(root);
    for (const f of files) await parseArticleFile(f.absPath, f.relPath);
    expect(files).toHaveLength(3);
    expect(snapshot()).toBe(before);
  });

  it('throws only when the root itself is not a folder', async () => {
    await expect(scanArchive(join(root, 'nope'))).rejects.toThrow(/ENOENT/);
    put('file.txt');
    await expect(scanArchive(join(root, 'file.txt'))).rejects.toThrow(/not a folder/);
  });

  it('streams entries and stops when aborted', async () => {
    for (let i = 0; i < 20; i++) put(`f${String(i).padStart(2, '0')}.txt`);
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const entry of walkArchive(root, { signal: controller.signal })) {
      if (entry.kind === 'file') seen.push(entry.file.relPath);
      if (seen.length === 5) controller.abort();
    }
    expect(seen).toEqual(['f00.txt', 'f01.txt', 'f02.txt', 'f03.txt', 'f04.txt']);
  });
});
