// Electron build (`npx electron-vite build`): main process, sandboxed preload and the Svelte renderer → out/.
// The renderer mirrors renderer/vite.config.ts (browser mode), only its output folder differs.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => join(root, path);

/** Every src/**\/NAME.worker.ts, emitted as out/main/NAME.worker.mjs beside the main bundle (see src/worker-script.ts). */
function workerEntries(dir = at('src')): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(entries, workerEntries(path));
    else if (entry.name.endsWith('.worker.ts')) entries[entry.name.replace(/\.ts$/, '')] = relative(root, path);
  }
  return entries;
}

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      sourcemap: true,
      rolldownOptions: {
        input: { index: at('main/index.ts'), ...workerEntries() },
        output: {
          entryFileNames: (chunk) => (chunk.name.endsWith('.worker') ? '[name].mjs' : '[name].js'),
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      rolldownOptions: {
        input: { index: at('main/preload.ts') },
        // A sandboxed preload cannot be an ES module: one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: at('renderer'),
    base: './',
    plugins: [svelte({ configFile: at('renderer/svelte.config.js') })],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      // Fonts must be files (CSP font-src 'self'), never inlined data: URLs.
      assetsInlineLimit: 0,
      sourcemap: true,
      target: 'es2022',
      rolldownOptions: { input: at('renderer/index.html') },
    },
  },
});
