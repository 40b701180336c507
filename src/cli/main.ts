import { readFileSync } from 'node:fs';
import type { Command, CliIO } from './command.js';
import { UsageError } from './usage-error.js';

// Each command is loaded only when it runs, so a search does not pay for the HTML parser or the HTTP server.
const commands: Record<string, () => Promise<Command>> = {
  index: async () => (await import('./commands/index.js')).indexCommand,
  search: async () => (await import('./commands/search.js')).searchCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  entities: async () => (await import('./commands/entities.js')).entitiesCommand,
  analyze: async () => (await import('./commands/analyze.js')).analyzeCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  annotations: async () => (await import('./commands/annotations.js')).annotationsCommand,
};

const HELP = `usage: archive-reader <command> [options]

  index <folder> [--cache DIR] [--json]            index a folder of articles (incremental)
  search <folder> <query> [--limit N] [--offset N] [--sort relevance|date] [--ranking rerank|lunr] [--json] [--cache DIR]
  search <folder> --queries FILE [--limit N] --json one JSON line per query
  show <folder> <id> [--json] [--cache DIR]        one article with its metadata
  entities [--json] <file> | --stdin               people, places, organisations, dates
  analyze [--json] <text> | --stdin                how the Arabic analyzer reads a text
  serve <folder> [--port N]                        the reader in a browser (127.0.0.1 only)
  annotations <folder> list|export|add ...         the user's highlights and notes

index, search, show and serve take --follow-links to read what symlinks leading outside the folder point to
(by default they are listed as failures, not followed).

Exit codes: 0 success, 2 usage error, 1 other failure.`;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(HELP + '\n');
    return name === undefined ? 2 : 0;
  }
  try {
    if (!Object.hasOwn(commands, name)) throw new UsageError(`unknown command '${name}' (try: archive-reader help)`);
    const command = await commands[name]();
    return await command(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`archive-reader: ${message.split('\n')[0]}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => readFileSync(0, 'utf8'),
};

/** Entry point of bin/archive-reader.mjs. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), processIO);
}
