import { readFileSync } from 'node:fs';
import type { SearchResult } from '../../api.js';
import type { ArchiveEngine } from '../../engine/archive-engine.js';
import { indexWithProgress, openForCli } from '../cli-support.js';
import { countInEnglish, englishTexts } from '../../messages/english.js';
import { intFlag, parseArgs, stringFlag } from '../args.js';
import { queryMessagesJson } from '../message-json.js';
import type { CliIO, Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const USAGE =
  'usage: archive-reader search <folder> <query> [--limit N] [--offset N] [--sort relevance|date] [--ranking rerank|lunr] [--json] [--cache DIR] [--follow-links]\n' +
  '       archive-reader search <folder> --queries FILE [--limit N] --json';

function toJson(result: SearchResult): object {
  return {
    total: result.total,
    fullMatches: result.fullMatches,
    hits: result.hits.map((h) => ({
      id: h.id,
      title: h.title,
      source: h.source,
      date: h.date,
      score: h.score,
      snippet: { text: h.snippet.text, highlights: h.snippet.highlights },
      ...(h.partial ? { partial: true } : {}),
    })),
    facets: result.facets,
    ...queryMessagesJson(result.messages),
  };
}

function marked(text: string, highlights: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of highlights) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

function printHuman(result: SearchResult, offset: number, io: CliIO): void {
  if (result.messages?.length) io.stdout(`(${englishTexts(result.messages)})\n`);
  io.stdout(`${countInEnglish(result.total, 'result')}, ${result.fullMatches} with every word\n`);
  result.hits.forEach((h, i) => {
    const meta = [h.source, h.date?.slice(0, 10), h.partial ? 'partial match' : ''].filter(Boolean).join(' · ');
    io.stdout(`\n${offset + i + 1}. ${h.title}\n   ${meta}${meta ? ' · ' : ''}${h.id}\n   ${marked(h.snippet.text, h.snippet.highlights)}\n`);
  });
}

type Ranking = 'lunr' | 'rerank' | undefined;

async function searchOnce(engine: ArchiveEngine, query: string, limit: number, offset: number, sort: 'relevance' | 'date', ranking: Ranking) {
  return engine.search({ query: query.slice(0, 2000), limit, offset, sort, ranking });
}

/** `search <folder> <query>`: ranked results with snippets; indexes first (incrementally) when needed. */
export const searchCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ['limit', 'offset', 'sort', 'ranking', 'cache', 'queries'], ['json', 'follow-links']);
  const [folder, ...words] = args.positional;
  if (!folder) throw new UsageError(USAGE);
  const queriesFile = stringFlag(args, 'queries');
  if (queriesFile && words.length) throw new UsageError('give either a query or --queries FILE, not both');
  if (!queriesFile && !words.length) throw new UsageError(USAGE);
  const limit = intFlag(args, 'limit', 10, 1);
  if (limit > 1000) throw new UsageError('--limit is at most 1000');
  const offset = intFlag(args, 'offset', 0, 0);
  const sortFlag = stringFlag(args, 'sort') ?? 'relevance';
  if (sortFlag !== 'relevance' && sortFlag !== 'date') throw new UsageError('--sort must be relevance or date');
  const ranking = stringFlag(args, 'ranking');
  if (ranking !== undefined && ranking !== 'lunr' && ranking !== 'rerank') throw new UsageError('--ranking must be rerank or lunr');
  const json = args.flags.has('json');
  let queries: string[] | null = null;
  if (queriesFile) {
    let content: string;
    try {
      content = queriesFile === '-' ? await io.readStdin() : readFileSync(queriesFile, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${queriesFile}: ${(e as Error).message}`);
    }
    queries = content.split(/\r?\n/);
    if (queries.length && queries[queries.length - 1] === '') queries.pop();
  }
  const engine = await openForCli(folder, stringFlag(args, 'cache'), args.flags.has('follow-links'));
  try {
    await indexWithProgress(engine, io, true);
    if (queries) {
      for (const q of queries) {
        const result = await searchOnce(engine, q, limit, offset, sortFlag, ranking);
        const line = json ? JSON.stringify({ query: q, ...toJson(result) }) : `${q}\t${result.total}`;
        io.stdout(line + '\n');
      }
      return 0;
    }
    const result = await searchOnce(engine, words.join(' '), limit, offset, sortFlag, ranking);
    if (json) io.stdout(JSON.stringify(toJson(result)) + '\n');
    else printHuman(result, offset, io);
    return 0;
  } finally {
    await engine.close();
  }
};
