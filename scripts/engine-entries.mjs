// The engine's bundled entry points, shared by the build (scripts/build.mjs) and the tests' worker build
// (test/global-setup.ts): the CLI and every worker (src/**/NAME.worker.ts → NAME.worker.mjs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findWorkers(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findWorkers(join(dir, e.name)) : e.name.endsWith('.worker.ts') ? [join(dir, e.name)] : [],
  );
}

/** Entry name → source file of every worker below `srcDir`. */
export function workerEntryPoints(srcDir) {
  const entries = {};
  for (const file of findWorkers(srcDir)) entries[file.split(/[\\/]/).pop().replace(/\.ts$/, '')] = file;
  return entries;
}

/** esbuild options common to both builds: ESM for Node 20, npm packages left as imports. */
export const nodeBundleOptions = {
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
