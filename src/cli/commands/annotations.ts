import { makeAnnotationsCommand } from '../annotations-cli.js';
import { indexWithProgress, openForCli } from '../cli-support.js';
import type { Command } from '../command.js';

/** `archive-reader annotations <folder> list|export|add|import|delete` (see src/cli/annotations-cli.ts). */
export const annotationsCommand: Command = makeAnnotationsCommand(async (root, cacheDir, io) => {
  const engine = await openForCli(root, cacheDir);
  try {
    // Anchoring needs the articles' current texts: bring the index up to date (incremental when the cache is current).
    await indexWithProgress(engine, io, true);
  } catch (err) {
    await engine.close();
    throw err;
  }
  return engine;
});
