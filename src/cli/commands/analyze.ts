import { analyze } from '../../analysis/index.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const USAGE = 'usage: archive-reader analyze [--json] <text> | --stdin';

/** `analyze`: shows how the Arabic analyzer splits, normalizes and stems a text. */
export const analyzeCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ['json', 'stdin']);
  const fromStdin = args.flags.has('stdin');
  if (fromStdin && args.positional.length > 0) throw new UsageError(`give the text or --stdin, not both (${USAGE})`);
  if (!fromStdin && args.positional.length === 0) throw new UsageError(USAGE);
  const text = fromStdin ? await io.readStdin() : args.positional.join(' ');
  const tokens = analyze(text);
  if (args.flags.has('json')) {
    io.stdout(JSON.stringify({ tokens }) + '\n');
    return 0;
  }
  const rows = [['text', 'start', 'end', 'norm', 'term', 'stop']];
  for (const t of tokens) rows.push([t.text, String(t.start), String(t.end), t.norm, t.term, t.stop ? 'stop' : '']);
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  for (const row of rows) io.stdout(row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd() + '\n');
  if (tokens.length === 0) io.stdout('(no words)\n');
  return 0;
};
