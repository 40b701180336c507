// The walk over an archive keeps its pace while the app is busy (searches): it never waits for a turn of the event
// loop per file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanArchive } from '../../../src/articles/scan-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'ar-scan-busy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scanning while the app is busy', () => {
  it('needs far fewer turns of the event loop than there are files', async () => {
    const FILES = 300;
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `${i}.txt`), `خبر ${i}\n\nنص الخبر.\n`);
    // Every turn of the event loop spends 20 ms on other work, as searches arriving all the time do.
    let turns = 0;
    let busy = true;
    const work = () => {
      if (!busy) return;
      turns++;
      const until = performance.now() + 20;
      while (performance.now() < until);
      setImmediate(work);
    };
    setImmediate(work);
    const { files } = await scanArchive(dir);
    busy = false;
    expect(files).toHaveLength(FILES);
    expect(turns).toBeLessThan(FILES / 5);
  });
});
