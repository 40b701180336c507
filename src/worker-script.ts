import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Path of a bundled worker (src/.../NAME.worker.ts → dist/NAME.worker.mjs). When this code runs bundled,
 * the worker sits beside it; when it runs from source (tests), the build in dist/ is used.
 */
export function workerScript(name: string): string {
  const beside = fileURLToPath(new URL(`./${name}.worker.mjs`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL(`../dist/${name}.worker.mjs`, import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`worker ${name} is not built: run \`npm run build\``);
}
