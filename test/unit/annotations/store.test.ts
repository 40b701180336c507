import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/api.js';
import { AnnotationStore, STORE_DIR, STORE_FILE } from '../../../src/annotations/annotation-store.js';
import { decodeLine, encodeRecord } from '../../../src/annotations/record-log.js';

const run = promisify(execFile);

function tempRoot(): string {
  return mkdtempSync(join(tmpdir(), 'annotation-store-'));
}

function sample(i: number, note = `ملاحظة رقم ${i}`): Annotation {
  const exact = 'رئيس الوزراء';
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    articleId: 'a/1.txt',
    kind: 'highlight',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'قال ', suffix: ' إن' },
    position: { type: 'TextPositionSelector', start: 4, end: 4 + exact.length },
    color: 'yellow',
    note,
    tags: ['سياسة'],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

describe('record lines', () => {
  it('round-trip and reject any damaged byte', () => {
    const line = encodeRecord({ op: 'put', note: 'نص، مع "اقتباس"\nوسطر' });
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ rec: { op: 'put' } });
    expect(decodeLine(line.trimEnd())).toEqual({ op: 'put', note: 'نص، مع "اقتباس"\nوسطر' });
    expect(decodeLine(line.trimEnd().replace('اقتباس', 'اقتباص'))).toBeUndefined();
    expect(decodeLine(line.slice(0, line.length - 10))).toBeUndefined();
  });
});

describe('AnnotationStore', () => {
  it('creates the hidden folder only when the first annotation is written, and nothing else', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    expect(await store.all()).toEqual([]);
    expect(existsSync(join(root, STORE_DIR))).toBe(false);
    await store.put(sample(1));
    expect(existsSync(join(root, STORE_DIR, STORE_FILE))).toBe(true);
    expect(await new AnnotationStore(root).all()).toEqual([sample(1)]);
  });

  it('ignores a torn last record, keeps the rest, and appends the next record on a fresh line', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    for (let i = 1; i <= 3; i++) await store.put(sample(i));
    const file = join(root, STORE_DIR, STORE_FILE);
    const fourth = encodeRecord({ op: 'put', annotation: sample(4) });
    appendFileSync(file, fourth.slice(0, Math.floor(fourth.length / 2))); // a write cut by a crash
    const reopened = new AnnotationStore(root);
    expect((await reopened.all()).map((a) => a.id)).toEqual([sample(1).id, sample(2).id, sample(3).id]);
    await reopened.put(sample(5));
    const again = new AnnotationStore(root);
    expect((await again.all()).map((a) => a.id)).toEqual([sample(1).id, sample(2).id, sample(3).id, sample(5).id]);
    expect(again.damagedLines).toBe(1);
  });

  it('skips a damaged line in the middle and garbage a filesystem left, keeping everything else', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    for (let i = 1; i <= 3; i++) await store.put(sample(i));
    const file = join(root, STORE_DIR, STORE_FILE);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1].replace('ملاحظة', 'ملاحظه');
    writeFileSync(file, lines.join('\n') + '\0\0\0\0');
    const ids = (await new AnnotationStore(root).all()).map((a) => a.id);
    expect(ids).toEqual([sample(1).id, sample(3).id]);
  });

  it('sees what another store (another window) wrote, including deletions and compaction', async () => {
    const root = tempRoot();
    const a = new AnnotationStore(root);
    const b = new AnnotationStore(root);
    await a.put(sample(1));
    expect((await b.all()).map((x) => x.id)).toEqual([sample(1).id]);
    await b.put(sample(2));
    await b.transact(() => ({ records: [{ op: 'delete', id: sample(1).id, at: 'now' }], result: null }));
    expect((await a.all()).map((x) => x.id)).toEqual([sample(2).id]);
    await a.put({ ...sample(2), note: 'بعد التعديل' });
    writeFileSync(join(root, STORE_DIR, `.${STORE_FILE}.crashed-compaction.tmp`), 'half a compaction');
    await b.compact();
    expect(readFileSync(join(root, STORE_DIR, STORE_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readdirSync(join(root, STORE_DIR))).toEqual([STORE_FILE]);
    expect((await a.all()).map((x) => x.note)).toEqual(['بعد التعديل']);
    await a.put(sample(3));
    expect((await b.all()).map((x) => x.id).sort()).toEqual([sample(2).id, sample(3).id]);
  });

  it('notices a log rewritten in place (a sync tool replacing its content) and reads it afresh', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    await store.put(sample(1));
    await store.put(sample(2));
    expect(await store.all()).toHaveLength(2);
    const replaced = [3, 4, 5].map((i) => encodeRecord({ op: 'put', annotation: sample(i, `نسخة من جهاز آخر ${i}`) })).join('');
    writeFileSync(join(root, STORE_DIR, STORE_FILE), replaced); // same inode, longer content
    expect((await store.all()).map((a) => a.id)).toEqual([sample(3).id, sample(4).id, sample(5).id]);
  });

  it('reports each damaged line verbatim with its line number, and keeps it through compaction', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    for (let i = 1; i <= 4; i++) await store.put(sample(i));
    const file = join(root, STORE_DIR, STORE_FILE);
    const bytes = readFileSync(file);
    const lines = bytes.toString('utf8').split('\n');
    const at = Buffer.byteLength(lines.slice(0, 2).join('\n')) + 1 + 40; // a byte inside line 3
    bytes[at] ^= 0x04; // one flipped bit
    writeFileSync(file, bytes);
    const damagedLine = bytes.toString('utf8').split('\n')[2];
    const reopened = new AnnotationStore(root);
    expect((await reopened.all()).map((a) => a.id)).toEqual([sample(1).id, sample(2).id, sample(4).id]);
    expect(await reopened.damagedRecords()).toEqual([{ line: 3, text: damagedLine }]);
    await reopened.compact();
    expect(readFileSync(file, 'utf8').split('\n')).toContain(damagedLine);
    expect((await new AnnotationStore(root).damagedRecords()).map((d) => d.text)).toEqual([damagedLine]);
  });

  it('notices, while open, a byte damaged in the middle of the log by another process', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    for (let i = 1; i <= 20; i++) await store.put(sample(i));
    expect(await store.all()).toHaveLength(20);
    const file = join(root, STORE_DIR, STORE_FILE);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 3)] ^= 0x01; // far from the end: same size, same inode
    writeFileSync(file, bytes);
    expect(await store.all()).toHaveLength(19);
    expect(await store.damagedRecords()).toHaveLength(1);
    expect((await new AnnotationStore(root).all()).map((a) => a.id)).toEqual((await store.all()).map((a) => a.id));
  });

  it('sees lines another process appended, and one it damaged later', async () => {
    const root = tempRoot();
    const server = new AnnotationStore(root);
    await server.put(sample(1));
    expect(await server.all()).toHaveLength(1);
    const file = join(root, STORE_DIR, STORE_FILE);
    appendFileSync(file, encodeRecord({ op: 'put', annotation: sample(2) })); // the CLI, without the store
    expect((await server.all()).map((a) => a.id)).toEqual([sample(1).id, sample(2).id]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('ملاحظة رقم 1', 'ملاحظة رقم 7'));
    expect((await server.all()).map((a) => a.id)).toEqual([sample(2).id]);
    expect(await server.damagedRecords()).toEqual([{ line: 1, text: expect.stringContaining('ملاحظة رقم 7') }]);
  });

  it('compacts by itself when the log grows far beyond the live annotations', async () => {
    const root = tempRoot();
    const store = new AnnotationStore(root);
    for (let i = 0; i < 1100; i++) await store.transact(() => ({ records: [{ op: 'put', annotation: sample(1, `v${i}`) }], result: null }));
    const lines = readFileSync(join(root, STORE_DIR, STORE_FILE), 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(600);
    expect((await new AnnotationStore(root).all()).map((a) => a.note)).toEqual(['v1099']);
  });

  it('keeps every write of two processes appending 200 annotations each at the same time', async () => {
    const root = tempRoot();
    const writer = join(import.meta.dirname, '../../../scripts/crash-test-writer.ts');
    const [one, two] = await Promise.all(
      ['a', 'b'].map((label) => run(process.execPath, ['--import', 'tsx', writer, root, '200', label], { maxBuffer: 1 << 22 })),
    );
    const acknowledged = [...one.stdout.trim().split('\n'), ...two.stdout.trim().split('\n')];
    expect(acknowledged).toHaveLength(400);
    const stored = await new AnnotationStore(root).all();
    expect(stored).toHaveLength(400);
    expect(new Set(stored.map((a) => a.id))).toEqual(new Set(acknowledged));
  }, 120_000);
});
