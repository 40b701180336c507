// The crash test's loop (used by scripts/crash-test.ts and by test/unit/annotations/crash.test.ts): a child process
// appends annotations and prints each id after its write returned; it is killed with SIGKILL at a random moment;
// then the store must load and hold every id the child had acknowledged, in this round and all earlier ones.
import { spawn } from 'node:child_process';
import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnnotationStore, STORE_DIR, STORE_FILE } from '../src/annotations/annotation-store.js';

const WRITER = fileURLToPath(new URL('./crash-test-writer.ts', import.meta.url));

export interface CrashTestOptions {
  root: string;
  kills: number;
  /** The kill comes this many ms (uniformly random up to) after the child's first acknowledged write. */
  maxDelayMs?: number;
  random?: () => number;
  /**
   * Share of rounds that also simulate a power loss: the bytes after the last acknowledged record (written but not
   * yet fsynced, so a power loss may lose them) are cut at a random byte, leaving a torn last line.
   */
  cutRate?: number;
  onRound?: (round: RoundResult) => void;
}

export interface RoundResult {
  round: number;
  acknowledged: number;
  delayMs: number;
  /** Annotations in the store after the kill (all rounds). */
  stored: number;
  missing: string[];
  /** Damaged or torn lines skipped when loading. */
  damagedLines: number;
  /** Bytes cut from the unacknowledged tail (0 when this round simulated no power loss). */
  cutBytes: number;
}

export interface CrashTestSummary {
  kills: number;
  acknowledged: number;
  stored: number;
  missing: number;
  roundsWithDamagedTail: number;
  ms: number;
}

export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestSummary> {
  const { root, kills, maxDelayMs = 300, random = Math.random, cutRate = 0.5 } = options;
  const acknowledged = new Set<string>();
  const started = Date.now();
  let missingTotal = 0;
  let damagedRounds = 0;
  let stored = 0;
  for (let round = 1; round <= kills; round++) {
    const delayMs = Math.floor(random() * maxDelayMs);
    const ids = await writeUntilKilled(root, `r${round}`, delayMs);
    for (const id of ids) acknowledged.add(id);
    const cutBytes = random() < cutRate ? cutUnacknowledgedTail(root, acknowledged, random) : 0;
    const store = new AnnotationStore(root);
    const present = new Set((await store.all()).map((a) => a.id));
    const missing = [...acknowledged].filter((id) => !present.has(id));
    missingTotal += missing.length;
    if (store.damagedLines > 0) damagedRounds++;
    stored = present.size;
    options.onRound?.({ round, acknowledged: ids.length, delayMs, stored, missing, damagedLines: store.damagedLines, cutBytes });
  }
  return {
    kills,
    acknowledged: acknowledged.size,
    stored,
    missing: missingTotal,
    roundsWithDamagedTail: damagedRounds,
    ms: Date.now() - started,
  };
}

/** Truncates the log at a random byte after the last acknowledged record; returns how many bytes were cut. */
function cutUnacknowledgedTail(root: string, acknowledged: Set<string>, random: () => number): number {
  const file = join(root, STORE_DIR, STORE_FILE);
  const bytes = readFileSync(file);
  let safeEnd = 0;
  let lineStart = 0;
  while (lineStart < bytes.length) {
    let lineEnd = bytes.indexOf(0x0a, lineStart);
    if (lineEnd < 0) lineEnd = bytes.length;
    const match = /"annotation":\{"id":"([^"]+)"/.exec(bytes.toString('utf8', lineStart, Math.min(lineEnd, lineStart + 200)));
    if (match && acknowledged.has(match[1])) safeEnd = Math.min(bytes.length, lineEnd + 1);
    lineStart = lineEnd + 1;
  }
  if (safeEnd >= bytes.length) return 0;
  const cut = safeEnd + Math.floor(random() * (bytes.length - safeEnd));
  truncateSync(file, cut);
  return bytes.length - cut;
}

/** Starts a writer, kills it `delayMs` after its first acknowledgement, and returns the ids it acknowledged. */
function writeUntilKilled(root: string, label: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, root, '0', label], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    const deadline = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes('\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`writer ended by itself (code ${code}): ${err.trim().split('\n').pop() ?? ''}`));
        return;
      }
      // Only whole lines: an id is acknowledged once its line was printed completely.
      const complete = out.slice(0, out.lastIndexOf('\n') + 1);
      resolve(complete.split('\n').filter((line) => line !== ''));
    });
  });
}
