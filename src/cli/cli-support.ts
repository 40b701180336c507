// What the index/search/show commands share: opening the engine on a folder and showing indexing progress.
import type { CliIO } from './command.js';
import type { IndexReport } from '../api.js';
import { ArchiveEngine } from '../engine/archive-engine.js';
import { englishText } from '../messages/english.js';

export async function openForCli(folder: string, cacheDir: string | undefined, followExternalLinks = false): Promise<ArchiveEngine> {
  return ArchiveEngine.open({ root: folder, cacheDir, autoIndex: 'none', followExternalLinks });
}

/**
 * Re-indexes incrementally, reporting progress on stderr: one line per phase and per tenth of the work
 * (or a live counter on a terminal). `quiet` reports only when there is work to do; 'terminal' only with the live
 * counter of a terminal (nothing when stderr is piped). `verifyCache` checks every article body in the cache first
 * (see ArchiveEngine.reindex).
 */
export async function indexWithProgress(
  engine: ArchiveEngine,
  io: CliIO,
  quiet: boolean | 'terminal' = false,
  verifyCache = false,
): Promise<IndexReport> {
  const live = Boolean(process.stderr.isTTY);
  if (quiet === 'terminal' && !live) return engine.reindex({ verifyCache });
  let lastKey = '';
  let shown = false;
  const timer = setInterval(async () => {
    const { progress } = await engine.getStatus();
    if (quiet && progress.phase === 'scanning') return;
    const tenth = progress.total ? Math.floor((10 * progress.done) / progress.total) : 0;
    const key = live ? `${progress.phase}${progress.done}${progress.message ? englishText(progress.message) : ''}` : `${progress.phase}${tenth}`;
    if (key === lastKey) return;
    lastKey = key;
    const line = `archive-reader: ${progress.phase}${progress.total ? ` ${progress.done}/${progress.total}` : ''}${live && progress.message ? ` (${englishText(progress.message)})` : ''}`;
    io.stderr(live ? `\r${line}\x1b[K` : `${line}\n`);
    shown = true;
  }, 250);
  // Ctrl+C cancels cleanly (workers stopped, partial files removed, the previous index kept); a second one exits.
  // The listener stays until the run ends: proper-lockfile's exit handler kills the process on a signal that
  // nothing else listens to.
  let cancelling = false;
  const cancel = () => {
    if (cancelling) process.exit(130);
    cancelling = true;
    void engine.cancelIndexing();
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  try {
    return await engine.reindex({ verifyCache });
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
    clearInterval(timer);
    if (live && shown) io.stderr('\n');
  }
}
