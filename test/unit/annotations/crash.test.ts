import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrashTest, type RoundResult } from '../../../scripts/crash-test-run.js';

/** A small seeded generator, so the kill delays and power-loss cuts vary but each run draws the same sequence. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('crash safety (quick version of npm run crash-test)', () => {
  it('keeps every acknowledged annotation through 5 SIGKILLs, some with a simulated power loss', async () => {
    const rounds: RoundResult[] = [];
    const summary = await runCrashTest({
      root: mkdtempSync(join(tmpdir(), 'crash-')),
      kills: 5,
      maxDelayMs: 200,
      cutRate: 0.6,
      random: seeded(7),
      onRound: (r) => rounds.push(r),
    });
    expect(rounds.map((r) => r.missing)).toEqual([[], [], [], [], []]);
    expect(summary.missing).toBe(0);
    expect(summary.acknowledged).toBeGreaterThan(5);
    expect(summary.stored).toBeGreaterThanOrEqual(summary.acknowledged);
  }, 120_000);
});
