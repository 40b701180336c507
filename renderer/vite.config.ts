// Builds the renderer for browser mode (`archive-reader serve`): renderer/ → dist/renderer/.
// Relative asset URLs so the same build also works from a file or custom-protocol origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer/', import.meta.url)),
    emptyOutDir: true,
    // Fonts must be files (CSP font-src 'self'), never inlined data: URLs.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
    // The timing report only says the machine was busy; keep build logs to what matters.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
