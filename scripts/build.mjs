// Bundles the engine's Node entry points into dist/: the CLI and every worker (src/**/*.worker.ts).
// Shared code and lazily imported commands become chunks beside them, so paths relative to import.meta.url hold.
import { build } from 'esbuild';
import { relative } from 'node:path';
import { nodeBundleOptions, workerEntryPoints } from './engine-entries.mjs';

const entryPoints = { cli: 'src/cli/main.ts', ...workerEntryPoints('src') };

await build({
  ...nodeBundleOptions,
  entryPoints,
  outdir: 'dist',
  splitting: true,
  chunkNames: '[name]-[hash]',
  sourcemap: true,
});
console.error(`built ${Object.keys(entryPoints).length} entry points into dist/: ${Object.values(entryPoints).map((p) => relative('.', p)).join(', ')}`);
