import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command.js';
import { analyzeCommand } from '../../../src/cli/commands/analyze.js';
import { UsageError } from '../../../src/cli/usage-error.js';

function fakeIO(stdin = '') {
  const out: string[] = [];
  const io: CliIO = { stdout: (t) => void out.push(t), stderr: () => {}, readStdin: async () => stdin };
  return { io, out: () => out.join('') };
}

describe('archive-reader analyze', () => {
  it('--json prints {"tokens":[{text,start,end,norm,term,stop}]}', async () => {
    const { io, out } = fakeIO();
    expect(await analyzeCommand(['--json', 'وبوتين في'], io)).toBe(0);
    expect(JSON.parse(out())).toEqual({
      tokens: [
        { text: 'وبوتين', start: 0, end: 6, norm: 'وبوتين', term: 'بوتين', stop: false },
        { text: 'في', start: 7, end: 9, norm: 'في', term: '', stop: true },
      ],
    });
  });

  it('reads --stdin and prints a table without --json', async () => {
    const { io, out } = fakeIO('الأذربيجانية');
    expect(await analyzeCommand(['--stdin'], io)).toBe(0);
    expect(out()).toMatch(/^text\s+start\s+end\s+norm\s+term\s+stop\n/);
    expect(out()).toContain('اذربيجان');
  });

  it('is a usage error without text', async () => {
    await expect(analyzeCommand([], fakeIO().io)).rejects.toBeInstanceOf(UsageError);
    await expect(analyzeCommand(['--stdin', 'x'], fakeIO().io)).rejects.toBeInstanceOf(UsageError);
  });
});
