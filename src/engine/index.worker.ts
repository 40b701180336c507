// Indexing worker: parses article files into per-segment spool files, and builds segments (entities,
// analysis, postings, body pack). Runs off the main thread; the indexer posts one task at a time.
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { ArticleMeta, EntitySpan } from '../api.js';
import { parseReadFile, readArticleFileSync } from '../articles/index.js';
import { parseJsonlRange } from '../articles/jsonl-range-parse.js';
import { fsPath } from '../articles/scan-archive.js';
import { repairWarning } from '../articles/text-checks.js';
import { DamagedRecordError, PackReader, PackWriter } from '../cache/body-pack.js';
import { findEntities } from '../entities/index.js';
import { FIELDS } from '../index/fields.js';
import { decodeSegment, encodeSegment } from '../index/segment-file.js';
import { countTerms, SegmentBuilder } from '../index/segment-postings.js';
import { distinctEntityNames, documentFieldTerms, NameTable } from './document-fields.js';
import { SpoolWriter, spooledArticles } from './spool.js';
import type {
  BuildTask,
  BuiltSegment,
  IndexTask,
  ParsedFile,
  ParsedLines,
  ParseLinesTask,
  ParseTask,
  WorkerMessage,
} from './index-tasks.js';
import type { SegmentHeader, StoredDoc } from '../index/segment-header.js';

const port = parentPort;
if (!port) throw new Error('index.worker must run in a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);
const reportParsed = (metas: ArticleMeta[]) => post({ type: 'parsed', metas });

port.on('message', async (task: IndexTask) => {
  try {
    const result = task.kind === 'parse' ? await parseFiles(task) : task.kind === 'parse-lines' ? parseLines(task) : buildSegment(task);
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

async function parseFiles(task: ParseTask): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  const spool = new SpoolWriter(task, reportParsed);
  let sinceReport = 0;
  for (const file of task.files) {
    // Read synchronously: a worker has nothing else to do meanwhile, and awaiting each file's stat, open, read
    // and close on the thread pool left it idle between files (a folder of 10,138 files indexed 20% slower).
    const read = readArticleFileSync(fsPath(file.absPath), file.relPath);
    const parsed = parseReadFile(read, file.relPath);
    if (parsed.repaired) {
      post({ type: 'warning', warning: { path: file.relPath, ...repairWarning(parsed.repaired.controls, parsed.repaired.undecodable) } });
    }
    const ids: string[] = [];
    for (const article of parsed.articles) {
      spool.add(article);
      ids.push(article.id);
    }
    parsed.articles.length = 0; // a .jsonl file can hold thousands: let them go before the next file
    out.push({ relPath: file.relPath, ids, failures: parsed.failures });
    // Reported in batches: posting a message per file took 0.36 s of a worker's 11 s on 5,000 files.
    if (++sinceReport === 25) {
      spool.reportParsed();
      post({ type: 'progress', n: sinceReport });
      sinceReport = 0;
    }
  }
  if (sinceReport) post({ type: 'progress', n: sinceReport });
  spool.flush();
  return out;
}

/** Parses one line range of a large .jsonl file; only this range is read. */
function parseLines(task: ParseLinesTask): ParsedLines {
  const bytes = Buffer.allocUnsafe(task.end - task.start);
  const fd = openSync(fsPath(task.absPath), 'r');
  try {
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, task.start + got);
      if (n === 0) throw new Error(`${task.relPath} became shorter while it was read`);
      got += n;
    }
  } finally {
    closeSync(fd);
  }
  const range = parseJsonlRange(bytes, task.relPath, task.firstLine);
  if (!range.plain) return range;
  const spool = new SpoolWriter(task, reportParsed);
  for (const article of range.parsed.articles) spool.add(article);
  spool.flush();
  const { parsed, ...figures } = range;
  return { ...figures, ids: parsed.articles.map((a) => a.id), failures: parsed.failures, repairedControls: parsed.repaired?.controls ?? 0 };
}

// Diagnostic for benchmarks only: ARCHIVE_READER_ENTITIES=off measures indexing without the entity tagger.
const TAG_ENTITIES = process.env.ARCHIVE_READER_ENTITIES !== 'off';

/** The entities of an article's text or title; a tagger failure is reported, and the article indexed without them. */
function entitiesOf(text: string, articleId: string, part: 'text' | 'title'): EntitySpan[] {
  if (!TAG_ENTITIES) return [];
  try {
    return findEntities(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    post({ type: 'warning', warning: { path: articleId, code: 'entities-failed', params: { part, detail: reason } } });
    return [];
  }
}

function buildSegment(task: BuildTask): BuiltSegment {
  const builder = new SegmentBuilder(FIELDS);
  const indexPath = join(task.cacheDir, task.out.index);
  const packPath = join(task.cacheDir, task.out.pack);
  const pack = new PackWriter(packPath);
  const docs: StoredDoc[] = [];
  const names = new NameTable();
  const docNames: number[][] = [];
  const damagedIds: string[] = [];
  try {
    if (task.old) {
      const old = decodeSegment<SegmentHeader>(readFileSync(join(task.cacheDir, task.old.index)));
      const removed = new Set(task.old.removeIds);
      const oldPack = new PackReader(join(task.cacheDir, task.old.pack));
      try {
        // Each record is checked before its article is kept: a damaged one is left out, to be parsed again.
        const keep: number[] = [];
        old.header.docs.forEach((doc, d) => {
          if (removed.has(doc.meta.id)) return;
          if (readsBack(oldPack, doc)) keep.push(d);
          else damagedIds.push(doc.meta.id);
        });
        builder.addKept(old.postings, keep);
        for (const d of keep) {
          const stored = old.header.docs[d];
          const raw = oldPack.readRaw(stored.pack);
          docNames.push(old.header.docNames[d].map((n) => names.idOf(old.header.names[n])));
          docs.push({ meta: stored.meta, pack: pack.addRaw(raw) });
        }
        post({ type: 'progress', n: keep.length });
      } finally {
        oldPack.close();
      }
    }
    let sinceReport = 0;
    for (const spool of task.spoolFiles) {
      for (const { meta, text } of spooledArticles(spool)) {
        const entities = entitiesOf(text, meta.id, 'text');
        const titleEntities = meta.title ? entitiesOf(meta.title, meta.id, 'title') : [];
        const allEntities = [...entities, ...titleEntities];
        builder.add(countTerms(documentFieldTerms(meta, text, allEntities)));
        docs.push({ meta, pack: pack.add({ text, entities }) });
        docNames.push(distinctEntityNames(allEntities).map((name) => names.idOf(name)));
        if (++sinceReport === 50) {
          post({ type: 'progress', n: sinceReport });
          sinceReport = 0;
        }
      }
    }
    if (sinceReport) post({ type: 'progress', n: sinceReport });
  } finally {
    pack.close();
  }
  const header: SegmentHeader = { docs, names: names.list, docNames };
  writeFileSync(indexPath, encodeSegment(builder.build(), header));
  return { docs: docs.length, indexBytes: statSync(indexPath).size, packBytes: statSync(packPath).size, packCrc: pack.checksum, damagedIds };
}

function readsBack(pack: PackReader, doc: StoredDoc): boolean {
  try {
    pack.readRaw(doc.pack);
    return true;
  } catch (e) {
    if (e instanceof DamagedRecordError) return false;
    throw e;
  }
}
