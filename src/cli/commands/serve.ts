import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArchiveApp } from '../../app.js';
import { ArchiveEngine } from '../../engine/archive-engine.js';
import { startArchiveServer } from '../../server/archive-server.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const USAGE = 'usage: archive-reader serve <folder> [--port N] [--cache DIR] [--follow-links]';

/** The built renderer: dist/renderer beside the bundled CLI (dist/cli.mjs), or the repo's dist/ from source. */
export function rendererDir(): string {
  for (const candidate of [new URL('./renderer/', import.meta.url), new URL('../../../dist/renderer/', import.meta.url)]) {
    const dir = fileURLToPath(candidate);
    if (existsSync(resolve(dir, 'index.html'))) return dir;
  }
  throw new Error('the browser UI is not built (no dist/renderer/index.html): run `npm run build` first');
}

/** `archive-reader serve <folder>`: the reader in a browser, on 127.0.0.1 only, until interrupted. */
export const serveCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['port', 'cache'], ['follow-links']);
  if (args.positional.length !== 1) throw new UsageError(USAGE);
  const port = intFlag(args, 'port', 0, 0);
  if (port > 65535) throw new UsageError('--port needs a whole number between 0 and 65535');
  const root = resolve(args.positional[0]);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`not a folder: ${root}`);
  const cache = stringFlag(args, 'cache');
  const staticDir = rendererDir();

  const engine = await ArchiveEngine.open({
    root,
    cacheDir: cache === undefined ? undefined : resolve(cache),
    followExternalLinks: args.flags.has('follow-links'),
  });
  const app = createArchiveApp(engine);
  let server;
  try {
    server = await startArchiveServer({ api: app, staticDir, port });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} is already in use; pick another with --port`);
    throw err;
  }
  io.stdout(`${server.url}\n`);
  io.stderr(`archive-reader: serving ${root} on 127.0.0.1 only (indexing in the background); open the address above, Ctrl+C stops\n`);

  const running = server;
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  await app.close();
  return 0;
};
