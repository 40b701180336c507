import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Path of a bundled worker (src/.../NAME.worker.ts → NAME.worker.mjs). When this code runs bundled, the worker
 * sits beside it. From source: the folder in ARCHIVE_READER_WORKER_DIR (the tests bundle the current sources
 * there, see test/global-setup.ts), else the last build in dist/ (scripts run with tsx).
 */
export function workerScript(name: string): string {
  const file = `${name}.worker.mjs`;
  const beside = fileURLToPath(new URL(`./${file}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const testDir = process.env.ARCHIVE_READER_WORKER_DIR;
  if (testDir) {
    const built = `${testDir}/${file}`;
    if (!existsSync(built)) throw new Error(`worker ${name} is not in ARCHIVE_READER_WORKER_DIR (${testDir})`);
    return built;
  }
  const built = fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`worker ${name} is not built: run \`npm run build\``);
}
