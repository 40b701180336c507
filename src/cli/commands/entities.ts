import { readFile } from 'node:fs/promises';
import type { EntitySpan } from '../../api.js';
import { findEntities } from '../../entities/index.js';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const USAGE = 'usage: archive-reader entities [--json] <file> | --stdin';

const TYPE_NAMES: Record<EntitySpan['type'], string> = {
  PERSON: 'person',
  LOCATION: 'place',
  ORGANIZATION: 'organisation',
  DATE: 'date',
};

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`no such file: ${path}`);
    if (code === 'EISDIR') throw new Error(`${path} is a folder, not a file`);
    throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
}

/**
 * `entities`: people, places, organisations and dates in a UTF-8 file or in standard input; offsets are
 * UTF-16 positions in the text as read.
 */
export const entitiesCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ['json', 'stdin']);
  const fromStdin = args.flags.has('stdin');
  if (fromStdin && args.positional.length > 0) throw new UsageError(`give a file or --stdin, not both (${USAGE})`);
  if (!fromStdin && args.positional.length !== 1) throw new UsageError(USAGE);
  const text = fromStdin ? await io.readStdin() : await readText(args.positional[0]);
  const entities = findEntities(text).map(({ type, start, end, text: span, value }) =>
    value === undefined ? { type, start, end, text: span } : { type, start, end, text: span, value },
  );
  if (args.flags.has('json')) {
    io.stdout(JSON.stringify({ entities }) + '\n');
    return 0;
  }
  if (entities.length === 0) {
    io.stdout('(no entities found)\n');
    return 0;
  }
  const width = Math.max(...entities.map((e) => TYPE_NAMES[e.type].length));
  for (const e of entities) {
    const where = `${e.start}-${e.end}`.padEnd(11);
    const value = 'value' in e ? `  = ${e.value}` : '';
    io.stdout(`${TYPE_NAMES[e.type].padEnd(width)}  ${where} ${e.text.replace(/\s+/g, ' ')}${value}\n`);
  }
  const counts = (Object.keys(TYPE_NAMES) as EntitySpan['type'][])
    .map((t) => [TYPE_NAMES[t], entities.filter((e) => e.type === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${name}${n === 1 ? '' : 's'}`);
  io.stdout(`${entities.length} entities: ${counts.join(', ')}\n`);
  return 0;
};
