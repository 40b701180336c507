// What the index/search/show commands share: opening the engine on a folder and showing indexing progress.
import type { CliIO } from '../cli/command.js';
import type { IndexReport } from '../api.js';
import { ArchiveEngine } from './archive-engine.js';

export async function openForCli(folder: string, cacheDir: string | undefined): Promise<ArchiveEngine> {
  return ArchiveEngine.open({ root: folder, cacheDir, autoIndex: 'none' });
}

/** Re-indexes incrementally, reporting the phases on stderr (a line per phase, with counts). */
export async function indexWithProgress(engine: ArchiveEngine, io: CliIO, quiet = false): Promise<IndexReport> {
  let lastLine = '';
  let lastPhase = '';
  const timer = setInterval(async () => {
    const { progress } = await engine.getStatus();
    const line = progress.total ? `${progress.phase} ${progress.done}/${progress.total}` : progress.phase;
    if (line !== lastLine && (progress.phase !== lastPhase || !quiet)) {
      if (!quiet || progress.phase !== lastPhase) io.stderr(`archive-reader: ${line}\n`);
      lastLine = line;
      lastPhase = progress.phase;
    }
  }, 500);
  try {
    return await engine.reindex();
  } finally {
    clearInterval(timer);
  }
}
