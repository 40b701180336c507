import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeAnnotationsCommand, takeRepeated } from '../../../src/cli/annotations-cli.js';
import { UsageError } from '../../../src/cli/usage-error.js';
import { FakeEngine } from './fake-engine.js';

const TEXT = 'قال وزير الخارجية إن المفاوضات ستستمر في الدوحة.';

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'annotations-cli-'));
  let opened = 0;
  let closed = 0;
  const command = makeAnnotationsCommand(async (folder) => {
    opened++;
    const engine = Object.assign(new FakeEngine(folder), { close: async () => void closed++ });
    engine.addArticle('a.txt', TEXT, 'المفاوضات');
    return engine;
  });
  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await command(argv, {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      readStdin: async () => '',
    });
    return { code, stdout, stderr };
  }
  return { root, run, counts: () => ({ opened, closed }) };
}

describe('archive-reader annotations', () => {
  it('adds with repeated --tag, lists, exports and deletes', async () => {
    const { root, run, counts } = setup();
    const added = await run(root, 'add', '--article', 'a.txt', '--start', '4', '--end', '17', '--note', 'مهم', '--tag', 'سياسة', '--tag=قطر', '--color', 'green');
    expect(added.code).toBe(0);
    const annotation = JSON.parse(added.stdout);
    expect(annotation).toMatchObject({ articleId: 'a.txt', note: 'مهم', tags: ['سياسة', 'قطر'], color: 'green', anchor: { start: 4, end: 17 } });
    expect(annotation.quote.exact).toBe('وزير الخارجية');

    const entity = await run(root, 'add', '--article', 'a.txt', '--start', '41', '--end', '47', '--type', 'location', '--archive-wide');
    expect(JSON.parse(entity.stdout)).toMatchObject({ kind: 'entity', entityType: 'LOCATION', archiveWide: true });

    const listed = await run(root, 'list', '--json', '--tag', 'قطر');
    expect(JSON.parse(listed.stdout).map((a: { id: string }) => a.id)).toEqual([annotation.id]);
    const human = await run(root, 'list');
    expect(human.stdout).toContain(`${annotation.id}  a.txt  4-17  green`);
    expect(human.stdout).toContain('«وزير الخارجية»');
    expect(human.stdout).toContain('LOCATION (archive-wide)');

    const md = await run(root, 'export', '--format', 'md');
    expect(md.stdout).toContain('> وزير الخارجية');
    const csv = await run(root, 'export', '--format', 'csv', '--kind', 'entity');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(2);

    expect((await run(root, 'delete', annotation.id)).stdout).toBe(`deleted ${annotation.id}\n`);
    expect(JSON.parse((await run(root, 'list', '--json')).stdout)).toHaveLength(1);
    expect(counts().opened).toBe(counts().closed);
  });

  it('imports an export file once', async () => {
    const { root, run } = setup();
    await run(root, 'add', '--article', 'a.txt', '--start', '0', '--end', '3', '--note', 'x');
    const file = join(root, 'export.json');
    writeFileSync(file, (await run(root, 'export')).stdout);
    const other = setup();
    expect((await other.run(other.root, 'import', file)).stdout).toBe('imported 1 annotation, skipped 0 already present\n');
    expect((await other.run(other.root, 'import', file)).stdout).toBe('imported 0 annotations, skipped 1 already present\n');
  });

  it('reports usage mistakes before opening the archive', async () => {
    const { root, run, counts } = setup();
    await expect(run(root)).rejects.toThrow(UsageError);
    await expect(run(root, 'frobnicate')).rejects.toThrow(/unknown annotations action/);
    await expect(run(root, 'add', '--article', 'a.txt', '--start', '1')).rejects.toThrow(/--end/);
    await expect(run(root, 'add', '--article', 'a.txt', '--start', '1', '--end', '2', '--type', 'PLANET')).rejects.toThrow(/--type/);
    await expect(run(root, 'add', '--article', 'a.txt', '--start', '1', '--end', '2', '--archive-wide')).rejects.toThrow(/--type/);
    await expect(run(root, 'export', '--format', 'xml')).rejects.toThrow(/json, md, csv or damaged/);
    await expect(run(root, 'list', '--tag')).rejects.toThrow(/--tag needs a value/);
    await expect(run(root, 'delete')).rejects.toThrow(/id/);
    expect(counts().opened).toBe(0);
    await expect(run(join(root, 'missing'), 'list')).rejects.toThrow(/not a folder/);
  });

  it('fails with a clear message for an unknown article and closes the engine', async () => {
    const { root, run, counts } = setup();
    await expect(run(root, 'add', '--article', '../../etc/passwd', '--start', '0', '--end', '2')).rejects.toThrow(/no article/);
    expect(counts()).toEqual({ opened: 1, closed: 1 });
  });

  it('warns on stderr when lines of the annotation log could not be read, and exports them verbatim', async () => {
    const { root, run } = setup();
    const first = JSON.parse((await run(root, 'add', '--article', 'a.txt', '--start', '4', '--end', '17', '--note', 'أولى')).stdout);
    await run(root, 'add', '--article', 'a.txt', '--start', '20', '--end', '30', '--note', 'ثانية');
    const file = join(root, '.archive-reader', 'annotations.jsonl');
    const damaged = readFileSync(file, 'utf8').replace('أولى', 'أولا');
    writeFileSync(file, damaged);
    const listed = await run(root, 'list', '--json');
    expect(JSON.parse(listed.stdout).map((a: { note: string }) => a.note)).toEqual(['ثانية']);
    expect(listed.stderr).toContain('1 annotation read; 1 line of the annotation log could not be read');
    expect(listed.stderr).toContain('export --format damaged');
    const lost = await run(root, 'export', '--format', 'damaged');
    expect(lost.stdout).toBe(damaged.split('\n')[0] + '\n');
    expect(lost.stdout).toContain(first.id);
  });

  it('takes every --tag out of argv', () => {
    expect(takeRepeated(['x', '--tag', 'a', '--tag=b', '--json', '--', '--tag', 'c'], 'tag')).toEqual({
      values: ['a', 'b'],
      rest: ['x', '--json', '--', '--tag', 'c'],
    });
  });
});
