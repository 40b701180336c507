// Damage done to the annotation log (the user's own work, inside the archive) by the torture script, each with what
// must happen: the readable annotations listed, every unreadable line reported and exportable, a running server
// agreeing with the command line.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { encodeRecord } from '../../src/annotations/record-log.js';

export interface LogDamage {
  name: string;
  apply(file: string): void;
  /** Annotations still listed (of 3), and lines reported as damaged. */
  listed: number;
  damaged: number;
}

function replaceInLine(file: string, lineNo: number, edit: (line: string) => string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[lineNo] = edit(lines[lineNo]);
  writeFileSync(file, lines.join('\n'));
}

export const LOG_DAMAGE: LogDamage[] = [
  {
    name: 'one bit flipped in the middle line',
    apply: (f) => {
      const bytes = readFileSync(f);
      const secondLine = bytes.indexOf(0x0a) + 1;
      bytes[secondLine + 60] ^= 0x02;
      writeFileSync(f, bytes);
    },
    listed: 2,
    damaged: 1,
  },
  { name: 'one letter of a note changed', apply: (f) => replaceInLine(f, 0, (l) => l.replace('ملاحظة', 'ملاحظه')), listed: 2, damaged: 1 },
  {
    name: 'last line cut, then a new line added by a crash-free writer',
    apply: (f) => {
      const text = readFileSync(f, 'utf8');
      writeFileSync(f, text.slice(0, text.length - 40) + '\n');
    },
    listed: 2,
    damaged: 1,
  },
  { name: 'NUL block from a power loss, then a newline', apply: (f) => appendFileSync(f, Buffer.concat([Buffer.alloc(512), Buffer.from('\n')])), listed: 3, damaged: 1 },
  { name: 'a record with a good checksum but no annotation', apply: (f) => appendFileSync(f, encodeRecord({ op: 'frobnicate', id: 7 })), listed: 3, damaged: 1 },
  { name: 'CRLF line endings (edited on Windows)', apply: (f) => writeFileSync(f, readFileSync(f, 'utf8').replace(/\n/g, '\r\n')), listed: 3, damaged: 0 },
];
