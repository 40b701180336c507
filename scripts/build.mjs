// Bundles the engine's Node entry points into dist/: the CLI and every worker (src/**/*.worker.ts).
// Shared code and lazily imported commands become chunks beside them, so paths relative to import.meta.url hold.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function findWorkers(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findWorkers(join(dir, e.name)) : e.name.endsWith('.worker.ts') ? [join(dir, e.name)] : [],
  );
}

const entryPoints = { cli: 'src/cli/main.ts' };
for (const file of findWorkers('src')) entryPoints[file.split('/').pop().replace(/\.ts$/, '')] = file;

await build({
  entryPoints,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
console.error(`built ${Object.keys(entryPoints).length} entry points into dist/: ${Object.values(entryPoints).map((p) => relative('.', p)).join(', ')}`);
