import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../../../src/worker-script.js';
import { newestMtime } from '../newest-mtime.js';

const REPO = resolve(import.meta.dirname, '../../..');

describe('workers in tests', () => {
  it('run the current sources, not the last build in dist/', () => {
    const script = workerScript('index');
    expect(script.startsWith(join(REPO, 'dist'))).toBe(false);
    expect(statSync(script).mtimeMs).toBeGreaterThanOrEqual(newestMtime(join(REPO, 'src')));
  });
});
