import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveFromArgv, ensureSampleCopy, startupCandidates } from '../../../main/startup-archive.js';

describe('archiveFromArgv', () => {
  const dev = { isPackaged: false, appPath: '/work/app', cwd: '/home/u' };
  it('reads the folder after the app in development', () => {
    expect(archiveFromArgv(['/x/electron', '/work/app', 'news'], dev)).toBe('/home/u/news');
    expect(archiveFromArgv(['/x/electron', '.', 'news'], { ...dev, cwd: '/work/app' })).toBe('/work/app/news');
    expect(archiveFromArgv(['/x/electron', '/work/app/out/main/index.js', '--no-sandbox', '/data/أرشيف'], dev)).toBe('/data/أرشيف');
    expect(archiveFromArgv(['/x/electron', '/work/app'], dev)).toBeUndefined();
  });

  it('ignores flags put before the app, as Playwright does', () => {
    expect(archiveFromArgv(['/x/electron', '--inspect=0', '--remote-debugging-port=0', '/work/app', '--no-sandbox'], dev)).toBeUndefined();
    expect(archiveFromArgv(['/x/electron', '--inspect=0', '/work/app', '/data/a'], dev)).toBe('/data/a');
  });

  it('reads the first non-flag argument when packaged', () => {
    const packaged = { isPackaged: true, appPath: '/opt/Archive Reader/resources/app', cwd: '/' };
    expect(archiveFromArgv(['/opt/Archive Reader/archive-reader', '/data/a'], packaged)).toBe('/data/a');
    expect(archiveFromArgv(['/opt/Archive Reader/archive-reader', '--no-sandbox'], packaged)).toBeUndefined();
  });
});

describe('startupCandidates', () => {
  const sample = () => '/config/sample-archive';
  const all = (...args: Parameters<typeof startupCandidates>) => [...startupCandidates(...args)];

  it('tries the command line, then the last archive, then the sample', () => {
    expect(all('/cli', '/last', sample, () => true)).toEqual([
      { path: '/cli', reason: 'argument' },
      { path: '/last', reason: 'last' },
      { path: '/config/sample-archive', reason: 'sample' },
    ]);
    expect(all(undefined, undefined, sample, () => true)).toEqual([{ path: '/config/sample-archive', reason: 'sample' }]);
  });

  it('skips a last archive that has disappeared, and duplicates', () => {
    expect(all(undefined, '/unplugged', sample, () => false)).toEqual([{ path: '/config/sample-archive', reason: 'sample' }]);
    expect(all('/a', '/a', sample, () => true).map((c) => c.path)).toEqual(['/a', '/config/sample-archive']);
    expect(all(undefined, '/config/sample-archive', sample, () => true)).toEqual([{ path: '/config/sample-archive', reason: 'last' }]);
  });

  it('copies the sample only when it is reached', () => {
    let copied = 0;
    const lazy = () => (copied++, '/config/sample-archive');
    const first = startupCandidates('/cli', undefined, lazy).next();
    expect(first.value).toEqual({ path: '/cli', reason: 'argument' });
    expect(copied).toBe(0);
  });

  it('ends the list when the sample cannot be made', () => {
    expect(all(undefined, undefined, () => {
      throw new Error('read-only');
    })).toEqual([]);
  });
});

describe('ensureSampleCopy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sample-copy-'));
    mkdirSync(join(dir, 'bundled', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'bundled', 'a.txt'), 'أ');
    writeFileSync(join(dir, 'bundled', 'sub', 'b.md'), 'ب');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the bundled archive once and never overwrites the copy', () => {
    const target = join(dir, 'config', 'sample-archive');
    expect(ensureSampleCopy(join(dir, 'bundled'), target)).toBe(target);
    expect(readFileSync(join(target, 'sub', 'b.md'), 'utf8')).toBe('ب');
    writeFileSync(join(target, 'a.txt'), 'edited by the user');
    writeFileSync(join(dir, 'bundled', 'c.txt'), 'ج');
    ensureSampleCopy(join(dir, 'bundled'), target);
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('edited by the user');
    expect(readFileSync(join(target, 'c.txt'), 'utf8')).toBe('ج');
  });

  it('says clearly when the bundled archive is missing', () => {
    expect(() => ensureSampleCopy(join(dir, 'nope'), join(dir, 't'))).toThrow(/sample archive is missing/);
  });
});
