import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command.js';
import { entitiesCommand } from '../../../src/cli/commands/entities.js';
import { UsageError } from '../../../src/cli/usage-error.js';

function fakeIO(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => stdin };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const TEXT = 'وقال الرئيس الروسي فلاديمير بوتين في موسكو يوم 11 نوفمبر 2020 إن روسيا مستعدة 😀.';

describe('archive-reader entities', () => {
  it('prints {"entities":[…]} with offsets into the text read from stdin', async () => {
    const { io, stdout } = fakeIO(TEXT);
    expect(await entitiesCommand(['--json', '--stdin'], io)).toBe(0);
    const result = JSON.parse(stdout()) as { entities: Record<string, unknown>[] };
    expect(Object.keys(result)).toEqual(['entities']);
    expect(result.entities.length).toBeGreaterThan(0);
    for (const e of result.entities) {
      for (const key of Object.keys(e)) expect(['type', 'start', 'end', 'text', 'value']).toContain(key);
      expect(TEXT.slice(e.start as number, e.end as number)).toBe(e.text);
    }
    expect(result.entities).toContainEqual({ type: 'PERSON', start: TEXT.indexOf('فلاديمير'), end: TEXT.indexOf(' في موسكو'), text: 'فلاديمير بوتين' });
    expect(result.entities).toContainEqual(expect.objectContaining({ type: 'DATE', text: '11 نوفمبر 2020', value: '2020-11-11' }));
  });

  it('reads a UTF-8 file and reports offsets into its decoded content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entities-cli-'));
    const file = join(dir, 'article.txt');
    const content = `عنوان\n\n${TEXT}\n`;
    writeFileSync(file, content, 'utf8');
    const { io, stdout } = fakeIO();
    expect(await entitiesCommand([file, '--json'], io)).toBe(0);
    const { entities } = JSON.parse(stdout()) as { entities: { start: number; end: number; text: string }[] };
    expect(entities.some((e) => e.text === 'موسكو')).toBe(true);
    for (const e of entities) expect(content.slice(e.start, e.end)).toBe(e.text);
  });

  it('prints a readable list without --json', async () => {
    const { io, stdout } = fakeIO(TEXT);
    expect(await entitiesCommand(['--stdin'], io)).toBe(0);
    expect(stdout()).toMatch(/person\s+\d+-\d+\s+فلاديمير بوتين/);
    expect(stdout()).toMatch(/date\s+\d+-\d+\s+11 نوفمبر 2020\s+= 2020-11-11/);
  });

  it('says so when nothing is found', async () => {
    const { io, stdout } = fakeIO('');
    expect(await entitiesCommand(['--json', '--stdin'], io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ entities: [] });
  });

  it('rejects a missing input, both inputs, and unknown options as usage errors', async () => {
    await expect(entitiesCommand([], fakeIO().io)).rejects.toThrow(UsageError);
    await expect(entitiesCommand(['a.txt', '--stdin'], fakeIO().io)).rejects.toThrow(UsageError);
    await expect(entitiesCommand(['--bogus', 'a.txt'], fakeIO().io)).rejects.toThrow(UsageError);
  });

  it('fails with a clear message for a file that does not exist', async () => {
    const promise = entitiesCommand([join(tmpdir(), 'no-such-article.txt')], fakeIO().io);
    await expect(promise).rejects.toThrow(/no such file/);
    await expect(promise).rejects.not.toThrow(UsageError);
  });
});
