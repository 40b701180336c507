import { NotFoundError } from '../../engine/archive-engine.js';
import { indexWithProgress, openForCli } from '../cli-support.js';
import { parseArgs, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const USAGE = 'usage: archive-reader show <folder> <id> [--json] [--cache DIR] [--follow-links]';

/** `show <folder> <id>`: one article with its metadata. */
export const showCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['cache'], ['json', 'follow-links']);
  if (args.positional.length !== 2) throw new UsageError(USAGE);
  const [folder, id] = args.positional;
  const engine = await openForCli(folder, stringFlag(args, 'cache'), args.flags.has('follow-links'));
  try {
    let article = await engine.indexedArticleIfFresh(id);
    if (!article) {
      // Said before the work starts, in one line: indexing a large archive takes minutes.
      io.stderr(
        engine.hasIndex
          ? `archive-reader: '${id}' is not in the index in ${engine.cacheDir} as it is now; updating the index first\n`
          : `archive-reader: no index of ${folder} in ${engine.cacheDir} (--cache DIR uses another); indexing it first\n`,
      );
      await indexWithProgress(engine, io, 'terminal');
      try {
        article = await engine.getArticle({ id });
      } catch (e) {
        if (e instanceof NotFoundError) throw new Error(`no article with id '${id}' in ${folder}`);
        throw e;
      }
    }
    const { title, source, location, date, url, text } = article;
    if (args.flags.has('json')) {
      io.stdout(JSON.stringify({ id: article.id, title, source, location, date, url, text }) + '\n');
    } else {
      io.stdout(`${title}\n`);
      const meta = [source, location, date, url].filter(Boolean).join(' · ');
      if (meta) io.stdout(`${meta}\n`);
      io.stdout(`\n${text}\n`);
    }
    return 0;
  } finally {
    await engine.close();
  }
};
