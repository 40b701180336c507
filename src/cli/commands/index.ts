import { indexWithProgress, openForCli } from '../cli-support.js';
import { countInEnglish, englishText } from '../../messages/english.js';
import { parseArgs, stringFlag } from '../args.js';
import { indexReportJson } from '../message-json.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const USAGE = 'usage: archive-reader index <folder> [--cache DIR] [--follow-links] [--json]';

/** `index <folder>`: brings the folder's index up to date (only new, changed and deleted files are read). */
export const indexCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['cache'], ['json', 'follow-links']);
  if (args.positional.length !== 1) throw new UsageError(USAGE);
  const engine = await openForCli(args.positional[0], stringFlag(args, 'cache'), args.flags.has('follow-links'));
  try {
    const report = await indexWithProgress(engine, io, false, true);
    if (args.flags.has('json')) {
      io.stdout(JSON.stringify(indexReportJson(report)) + '\n');
    } else {
      io.stdout(
        `${countInEnglish(report.articles, 'article')}: ${report.indexed} indexed, ${report.unchanged} unchanged, ` +
          `${report.removed} removed, ${report.failed.length} failed (${(report.ms / 1000).toFixed(1)} s)\n`,
      );
      for (const f of report.failed) io.stdout(`  failed: ${f.path}: ${englishText(f)}\n`);
      if (report.warningCount) io.stdout(`  ${countInEnglish(report.warningCount, 'article')} indexed with a warning (index --json lists them)\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
};
