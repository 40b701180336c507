import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveFromArgv, chooseStartupArchive, ensureSampleCopy } from '../../../main/startup-archive.js';

describe('archiveFromArgv', () => {
  it('reads the folder after the app in development and packaged runs', () => {
    expect(archiveFromArgv(['/x/electron', '.', 'news'], false, '/home/u')).toBe('/home/u/news');
    expect(archiveFromArgv(['/x/electron', 'out/main/index.js', '--inspect', '/data/أرشيف'], false, '/')).toBe('/data/أرشيف');
    expect(archiveFromArgv(['/opt/Archive Reader/archive-reader', '/data/a'], true, '/')).toBe('/data/a');
    expect(archiveFromArgv(['/opt/Archive Reader/archive-reader', '--no-sandbox'], true, '/')).toBeUndefined();
    expect(archiveFromArgv(['/x/electron', '.'], false, '/')).toBeUndefined();
  });
});

describe('chooseStartupArchive', () => {
  const sample = () => '/config/sample-archive';
  it('prefers the command line, then the last archive, then the sample', () => {
    expect(chooseStartupArchive('/cli', '/last', sample, () => true)).toEqual({ path: '/cli', reason: 'argument' });
    expect(chooseStartupArchive(undefined, '/last', sample, () => true)).toEqual({ path: '/last', reason: 'last' });
    expect(chooseStartupArchive(undefined, undefined, sample, () => true)).toEqual({ path: '/config/sample-archive', reason: 'sample' });
  });

  it('falls back to the sample when the last archive has disappeared', () => {
    expect(chooseStartupArchive(undefined, '/unplugged', sample, () => false)).toEqual({ path: '/config/sample-archive', reason: 'sample' });
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
