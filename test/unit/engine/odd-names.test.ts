import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveEngine } from '../../../src/engine/archive-engine.js';
import { remove, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) remove(d);
});

describe.skipIf(process.platform !== 'linux')('indexing odd folder entries', { timeout: 120_000 }, () => {
  it('indexes a file whose name is not valid UTF-8 (read by its bytes in the workers), and lists a named pipe', async () => {
    const root = tempDir('odd-names');
    const cacheDir = tempDir('odd-names-cache');
    dirs.push(root, cacheDir);
    writeFileSync(Buffer.concat([Buffer.from(root), Buffer.from('/caf\xe9.txt', 'latin1')]), 'مقهى في تونس العاصمة');
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    const engine = await ArchiveEngine.open({ root, cacheDir, autoIndex: 'none' });
    try {
      const report = await engine.reindex();
      expect(report).toMatchObject({ articles: 1, failed: [{ path: 'pipe.txt', code: 'named-pipe' }] });
      expect((await engine.getArticle({ id: 'caf\uFFFD.txt' })).text).toBe('مقهى في تونس العاصمة');
    } finally {
      await engine.close();
    }
  });
});
