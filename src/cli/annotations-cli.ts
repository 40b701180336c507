import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AnchoredAnnotation, AnnotationFilter, AnnotationInput, EntityType, HighlightColor } from '../api.js';
import { ENTITY_TYPES } from '../api.js';
import { createArchiveApp, type ArchiveApp, type ClosableEngine } from '../app.js';
import { intFlag, parseArgs, stringFlag, type ParsedArgs } from './args.js';
import type { CliIO, Command } from './command.js';
import { UsageError } from './usage-error.js';

const USAGE = `usage: archive-reader annotations <folder> <action> [--cache DIR]
  list [--json] [--article ID] [--tag T] [--color C] [--kind highlight|entity] [--type TYPE] [--text WORDS]
  export [--format json|md|csv|damaged] [same filters as list]   (damaged: the log lines that could not be read)
  add --article ID --start S --end E [--note TEXT] [--tag T]... [--color C]
      [--type PERSON|LOCATION|ORGANIZATION|DATE|none] [--archive-wide]
  import <file.json | ->
  delete <id>`;

const COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const FILTER_FLAGS = ['article', 'color', 'kind', 'type', 'text'] as const;
const VALUED = ['cache', 'format', 'start', 'end', 'note', 'color', 'type', 'article', 'kind', 'text'];
const BOOLEANS = ['json', 'archive-wide', 'help'];

/** Opens the engine on an archive folder (the CLI's source of article texts). */
export type EngineOpener = (root: string, cacheDir: string | undefined, io: CliIO) => Promise<ClosableEngine>;

/** `--tag` may be repeated, which parseArgs does not support: take every occurrence out first. */
export function takeRepeated(argv: readonly string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === `--${name}`) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.push(value);
    } else if (arg.startsWith(`--${name}=`)) values.push(arg.slice(name.length + 3));
    else rest.push(arg);
  }
  return { values, rest };
}

export function makeAnnotationsCommand(openEngine: EngineOpener): Command {
  return async (argv, io) => {
    const { values: tags, rest } = takeRepeated(argv, 'tag');
    const args = parseArgs(rest, VALUED, BOOLEANS);
    const [folder, action, ...operands] = args.positional;
    if (folder === undefined || action === undefined || action === 'help') {
      if (argv.includes('--help') || action === 'help') {
        io.stdout(USAGE + '\n');
        return 0;
      }
      throw new UsageError('annotations needs <folder> and an action: list, export, add, import or delete');
    }
    if (!['list', 'export', 'add', 'import', 'delete'].includes(action)) {
      throw new UsageError(`unknown annotations action '${action}' (list, export, add, import or delete)`);
    }
    const root = resolve(folder);
    const info = await stat(root).catch(() => null);
    if (!info?.isDirectory()) throw new Error(`not a folder: ${folder}`);
    // Check the arguments before opening the archive, which may take a while.
    const run = plan(action, operands, args, tags, io, folder);
    const cache = stringFlag(args, 'cache');
    const app = createArchiveApp(await openEngine(root, cache === undefined ? undefined : resolve(cache), io));
    try {
      return await run(app);
    } finally {
      await app.close();
    }
  };
}

type Run = (app: ArchiveApp) => Promise<number>;

/** One line on stderr when annotations are missing because their lines in the log could not be read. */
async function warnOfDamage(app: ArchiveApp, io: CliIO, folder: string): Promise<void> {
  const n = (await app.getStatus()).damagedAnnotations ?? 0;
  if (n === 0) return;
  const read = (await app.listAnnotations({})).length;
  io.stderr(
    `archive-reader: warning: ${read} annotation${read === 1 ? '' : 's'} read; ${n} line${n === 1 ? '' : 's'} of the annotation log ` +
      `could not be read (damaged or torn) and those annotations are missing. ` +
      `\`archive-reader annotations ${folder} export --format damaged\` prints them\n`,
  );
}

function plan(action: string, operands: string[], args: ParsedArgs, tags: string[], io: CliIO, folder: string): Run {
  const extra = action === 'import' || action === 'delete' ? operands.slice(1) : operands;
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  switch (action) {
    case 'list': {
      if (args.flags.has('format')) throw new UsageError('--format belongs to export (list has --json)');
      const filter = filterOf(args, tags);
      return async (app) => {
        const list = await app.listAnnotations(filter);
        await warnOfDamage(app, io, folder);
        io.stdout(args.flags.has('json') ? JSON.stringify(list, null, 2) + '\n' : list.map(describe).join(''));
        if (!args.flags.has('json') && list.length === 0) io.stderr('no annotations\n');
        return 0;
      };
    }
    case 'export': {
      const format = stringFlag(args, 'format') ?? 'json';
      if (format !== 'json' && format !== 'md' && format !== 'csv' && format !== 'damaged') {
        throw new UsageError('--format is json, md, csv or damaged');
      }
      const filter = filterOf(args, tags);
      return async (app) => {
        io.stdout(await app.exportAnnotations({ format, ...(Object.keys(filter).length > 0 ? { filter } : {}) }));
        if (format !== 'damaged') await warnOfDamage(app, io, folder);
        return 0;
      };
    }
    case 'add': {
      const input = inputOf(args, tags);
      return async (app) => {
        io.stdout(JSON.stringify(await app.addAnnotation(input), null, 2) + '\n');
        return 0;
      };
    }
    case 'import': {
      const file = operands[0];
      if (file === undefined) throw new UsageError('import needs a file (or - for standard input)');
      return async (app) => {
        const json = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
        const { added, skipped } = await app.importAnnotations({ json });
        io.stdout(`imported ${added} annotation${added === 1 ? '' : 's'}, skipped ${skipped} already present\n`);
        return 0;
      };
    }
    default: {
      const id = operands[0];
      if (id === undefined) throw new UsageError('delete needs an annotation id');
      return async (app) => {
        await app.deleteAnnotation({ id });
        io.stdout(`deleted ${id}\n`);
        return 0;
      };
    }
  }
}

function filterOf(args: ParsedArgs, tags: string[]): AnnotationFilter {
  if (tags.length > 1) throw new UsageError('list and export filter by one --tag');
  for (const flag of ['start', 'end', 'note', 'archive-wide'] as const) {
    if (args.flags.has(flag)) throw new UsageError(`--${flag} belongs to add`);
  }
  const filter: AnnotationFilter = {};
  const [article, color, kind, type, text] = FILTER_FLAGS.map((f) => stringFlag(args, f));
  if (article !== undefined) filter.articleId = article;
  if (tags[0] !== undefined) filter.tag = tags[0];
  if (color !== undefined) filter.color = colorOf(color);
  if (kind !== undefined) {
    if (kind !== 'highlight' && kind !== 'entity') throw new UsageError('--kind is highlight or entity');
    filter.kind = kind;
  }
  if (type !== undefined) {
    const t = entityTypeOf(type);
    if (t === null) throw new UsageError('--type none only applies to add');
    filter.entityType = t;
  }
  if (text !== undefined) filter.text = text;
  return filter;
}

function inputOf(args: ParsedArgs, tags: string[]): AnnotationInput {
  const articleId = stringFlag(args, 'article');
  if (articleId === undefined || !args.flags.has('start') || !args.flags.has('end')) {
    throw new UsageError('add needs --article ID --start S --end E (UTF-16 offsets into the article text)');
  }
  for (const flag of ['format', 'text', 'kind'] as const) {
    if (args.flags.has(flag)) throw new UsageError(`--${flag} does not apply to add`);
  }
  const input: AnnotationInput = { articleId, start: intFlag(args, 'start', 0), end: intFlag(args, 'end', 0) };
  const note = stringFlag(args, 'note');
  const color = stringFlag(args, 'color');
  const type = stringFlag(args, 'type');
  if (note !== undefined) input.note = note;
  if (tags.length > 0) input.tags = tags;
  if (color !== undefined) input.color = colorOf(color);
  if (type !== undefined) {
    input.kind = 'entity';
    input.entityType = entityTypeOf(type);
  }
  if (args.flags.has('archive-wide')) {
    if (type === undefined) throw new UsageError('--archive-wide needs --type (a name taught for the whole archive)');
    input.archiveWide = true;
  }
  return input;
}

function colorOf(value: string): HighlightColor {
  if (!(COLORS as readonly string[]).includes(value)) throw new UsageError(`--color is one of ${COLORS.join(', ')}`);
  return value as HighlightColor;
}

function entityTypeOf(value: string): EntityType | null {
  const upper = value.toUpperCase();
  if (upper === 'NONE') return null;
  if (!(ENTITY_TYPES as readonly string[]).includes(upper)) {
    throw new UsageError(`--type is one of ${ENTITY_TYPES.join(', ')} or none`);
  }
  return upper as EntityType;
}

function describe(a: AnchoredAnnotation): string {
  const where = a.anchor ? `${a.anchor.start}-${a.anchor.end}` : 'not placed';
  const what =
    a.kind === 'entity'
      ? `${a.entityType ?? 'not an entity'}${a.archiveWide ? ' (archive-wide)' : ''}`
      : (a.color ?? 'highlight');
  const lines = [`${a.id}  ${a.articleId}  ${where}  ${what}`, `  «${oneLine(a.quote.exact)}»`];
  if (a.note) lines.push(`  ${oneLine(a.note)}`);
  if (a.tags.length > 0) lines.push(`  ${a.tags.map((t) => `#${t}`).join(' ')}`);
  return lines.join('\n') + '\n';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ⏎ ');
}
