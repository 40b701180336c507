// The segment builder reads spool files line by line, a chunk at a time: the lines must be those of the whole
// file split at '\n' (empty ones left out), whatever the chunk size and wherever a multi-byte character falls.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileLines } from '../../../src/engine/spool-lines.js';
import { remove, tempDir } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) remove(d);
});

function fileWith(text: string): string {
  const dir = tempDir('spool-lines');
  dirs.push(dir);
  const path = join(dir, 's0-t0.jsonl');
  writeFileSync(path, text);
  return path;
}

const whole = (text: string) => text.split('\n').filter((l) => l);

describe('fileLines', () => {
  const lines = [
    JSON.stringify({ meta: { id: 'a' }, text: 'قال وزير الخارجية إن المحادثات ستستأنف' }),
    '',
    JSON.stringify({ meta: { id: 'b' }, text: 'x'.repeat(3000) + ' 🙂 ' + 'ب'.repeat(700) }),
    JSON.stringify({ meta: { id: 'c' }, text: 'ok\u2028\u00e9' }),
    '',
    '',
    JSON.stringify({ meta: { id: 'd' }, text: 'آخر سطر' }),
  ];

  for (const ending of ['\n', '']) {
    for (const chunk of [1, 2, 3, 7, 64, 1000, 1 << 18]) {
      it(`gives the lines of the whole file (chunk ${chunk}, ${ending ? 'final newline' : 'no final newline'})`, () => {
        const text = lines.join('\n') + ending;
        expect([...fileLines(fileWith(text), chunk)]).toEqual(whole(text));
      });
    }
  }

  it('reads an empty file, and one of newlines only, as no lines', () => {
    expect([...fileLines(fileWith(''), 4)]).toEqual([]);
    expect([...fileLines(fileWith('\n\n\n'), 2)]).toEqual([]);
  });
});
