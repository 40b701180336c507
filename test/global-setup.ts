// Unit and integration tests run the engine from the source tree, and so must its worker threads: the index
// worker (src/engine/index.worker.ts) is bundled from the current sources into a fresh folder for this run and
// src/worker-script.ts is pointed at it, so a test never runs the parsing and segment code of an older build.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nodeBundleOptions, workerEntryPoints } from '../scripts/engine-entries.mjs';

const REPO = resolve(import.meta.dirname, '..');

export default async function setup(): Promise<() => void> {
  // Inside the repository (under the git-ignored .cache/), so the bundle's package imports resolve to node_modules
  // and assets/ is found as from dist/.
  mkdirSync(join(REPO, '.cache'), { recursive: true });
  const outdir = mkdtempSync(join(REPO, '.cache', 'test-workers-'));
  await build({ ...nodeBundleOptions, entryPoints: workerEntryPoints(join(REPO, 'src')), outdir, sourcemap: 'inline' });
  process.env.ARCHIVE_READER_WORKER_DIR = outdir;
  return () => rmSync(outdir, { recursive: true, force: true });
}
