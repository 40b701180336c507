// Indexing worker: parses article files into per-segment spool files, and builds segments (entities,
// analysis, postings, body pack). Runs off the main thread; the indexer posts one task at a time.
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { EntitySpan, EntityType } from '../api.js';
import { parseArticleFile } from '../articles/index.js';
import { PackReader, PackWriter, unpackBody } from '../cache/body-pack.js';
import { findEntities } from '../entities/index.js';
import { FIELDS } from '../index/fields.js';
import { decodeSegment, encodeSegment } from '../index/segment-file.js';
import { countTerms, docTermsOf, SegmentBuilder } from '../index/segment-postings.js';
import { segmentOf } from '../index/stable-hash.js';
import { distinctEntityNames, documentFieldTerms } from './document-fields.js';
import type {
  BuildTask,
  BuiltSegment,
  IndexTask,
  ParsedFile,
  ParseTask,
  SegmentHeader,
  SpooledArticle,
  StoredDoc,
  WorkerMessage,
} from './index-tasks.js';

const port = parentPort;
if (!port) throw new Error('index.worker must run in a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);

port.on('message', async (task: IndexTask) => {
  try {
    const result = task.kind === 'parse' ? await parseFiles(task) : buildSegment(task);
    post({ type: 'result', result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

async function parseFiles(task: ParseTask): Promise<ParsedFile[]> {
  const out: ParsedFile[] = [];
  const pending = new Map<number, string[]>();
  let pendingChars = 0;
  const flush = () => {
    for (const [seg, lines] of pending) {
      appendFileSync(join(task.spoolDir, `s${seg}-t${task.taskNo}.jsonl`), lines.join(''));
    }
    pending.clear();
    pendingChars = 0;
  };
  for (const file of task.files) {
    const parsed = await parseArticleFile(file.absPath, file.relPath);
    const ids: string[] = [];
    for (const article of parsed.articles) {
      const { text, ...meta } = article;
      const seg = segmentOf(article.id, task.segmentCount);
      const line = JSON.stringify({ meta, text } satisfies SpooledArticle) + '\n';
      let lines = pending.get(seg);
      if (!lines) pending.set(seg, (lines = []));
      lines.push(line);
      pendingChars += line.length;
      ids.push(article.id);
      if (pendingChars > 2_000_000) flush();
    }
    parsed.articles.length = 0; // a .jsonl file can hold thousands: let them go before the next file
    out.push({ relPath: file.relPath, ids, failures: parsed.failures });
    post({ type: 'progress', n: 1 });
  }
  flush();
  return out;
}

// Diagnostic for benchmarks only: ARCHIVE_READER_ENTITIES=off measures indexing without the entity tagger.
const TAG_ENTITIES = process.env.ARCHIVE_READER_ENTITIES !== 'off';

function entitiesOf(text: string): EntitySpan[] {
  if (!TAG_ENTITIES) return [];
  try {
    return findEntities(text);
  } catch {
    return []; // a tagger failure must not lose the article
  }
}

function buildSegment(task: BuildTask): BuiltSegment {
  const builder = new SegmentBuilder(FIELDS);
  const indexPath = join(task.cacheDir, task.out.index);
  const packPath = join(task.cacheDir, task.out.pack);
  const pack = new PackWriter(packPath);
  const docs: StoredDoc[] = [];
  const entityCounts = new Map<string, [EntityType, string, number]>();
  const count = (names: [EntityType, string][]) => {
    for (const [type, name] of names) {
      const key = `${type}\u0000${name}`;
      const c = entityCounts.get(key);
      if (c) c[2]++;
      else entityCounts.set(key, [type, name, 1]);
    }
  };
  try {
    if (task.old) {
      const old = decodeSegment<SegmentHeader>(readFileSync(join(task.cacheDir, task.old.index)));
      const removed = new Set(task.old.removeIds);
      const keep = old.header.docs.flatMap((doc, d) => (removed.has(doc.meta.id) ? [] : [d]));
      const terms = docTermsOf(old.postings, keep);
      const oldPack = new PackReader(join(task.cacheDir, task.old.pack));
      try {
        for (const d of keep) {
          const stored = old.header.docs[d];
          builder.add(terms.get(d)!);
          const raw = oldPack.readRaw(stored.pack);
          count(distinctEntityNames(unpackBody(raw).entities));
          docs.push({ meta: stored.meta, pack: pack.addRaw(raw) });
        }
      } finally {
        oldPack.close();
      }
      post({ type: 'progress', n: keep.length });
    }
    let sinceReport = 0;
    for (const spool of task.spoolFiles) {
      const lines = readFileSync(spool, 'utf8').split('\n');
      for (const line of lines) {
        if (!line) continue;
        const { meta, text } = JSON.parse(line) as SpooledArticle;
        const entities = entitiesOf(text);
        const titleEntities = meta.title ? entitiesOf(meta.title) : [];
        builder.add(countTerms(documentFieldTerms(meta, text, [...entities, ...titleEntities])));
        docs.push({ meta, pack: pack.add({ text, entities }) });
        count(distinctEntityNames(entities));
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
  const header: SegmentHeader = { docs, entityCounts: [...entityCounts.values()] };
  writeFileSync(indexPath, encodeSegment(builder.build(), header));
  return { docs: docs.length, indexBytes: statSync(indexPath).size, packBytes: statSync(packPath).size };
}
