import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../../../src/worker-script.js';

const REPO = resolve(import.meta.dirname, '../../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

describe('workers in tests', () => {
  it('run the current sources, not the last build in dist/', () => {
    const script = workerScript('index');
    expect(script.startsWith(join(REPO, 'dist'))).toBe(false);
    expect(statSync(script).mtimeMs).toBeGreaterThanOrEqual(newestMtime(join(REPO, 'src')));
  });
});
