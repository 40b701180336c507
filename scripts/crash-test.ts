// npm run crash-test -- [--kills N] [--max-delay MS] [--dir FOLDER]
// Kills an annotation writer with SIGKILL N times (default 100) at random moments and checks after each kill that
// the store loads and that every annotation whose write had been acknowledged is there. Exit code 1 if any is lost.
// Half of the rounds also simulate a power loss: the written-but-unacknowledged tail is cut at a random byte.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash-test-run.js';

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '100' }, 'max-delay': { type: 'string', default: '300' }, dir: { type: 'string' } },
});
const kills = Number(values.kills);
const maxDelayMs = Number(values['max-delay']);
if (!Number.isInteger(kills) || kills < 1 || !Number.isFinite(maxDelayMs) || maxDelayMs < 0) {
  console.error('usage: crash-test [--kills N] [--max-delay MS] [--dir FOLDER]');
  process.exit(2);
}
const root = values.dir ?? mkdtempSync(join(tmpdir(), 'crash-test-'));
console.log(`archive: ${root}; ${kills} kills, each up to ${maxDelayMs} ms after the first acknowledged write`);

const summary = await runCrashTest({
  root,
  kills,
  maxDelayMs,
  onRound: (r) => {
    const status = r.missing.length === 0 ? 'ok' : `LOST ${r.missing.length}: ${r.missing.slice(0, 3).join(', ')}`;
    console.log(
      `kill ${String(r.round).padStart(3)}: +${String(r.delayMs).padStart(3)} ms, ${String(r.acknowledged).padStart(3)} acknowledged, ${r.stored} stored, ${r.cutBytes > 0 ? `power loss cut ${r.cutBytes} B, ` : ''}${r.damagedLines} torn line(s) skipped — ${status}`,
    );
  },
});
console.log(
  `\n${summary.kills} kills, ${summary.acknowledged} acknowledged writes, ${summary.stored} annotations in the store, ` +
    `${summary.missing} acknowledged writes missing, ${summary.roundsWithDamagedTail} loads saw a torn line; ${(summary.ms / 1000).toFixed(1)} s`,
);
process.exitCode = summary.missing === 0 ? 0 : 1;
