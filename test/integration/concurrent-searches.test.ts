// Searches sent together to the browser-mode server are answered each when its own work is done, not all at the
// end: the server runs here, the client in another process (which sees when each answer really arrives).
import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../src/api.js';
import { createArchiveApp } from '../../src/app.js';
import { startArchiveServer, type RunningArchiveServer } from '../../src/server/archive-server.js';
import { FakeEngine } from '../unit/annotations/fake-engine.js';

const SEARCH_MS = 50;
const SEARCHES = 40;

/** Each search keeps the thread busy for SEARCH_MS, as a real one on a large archive does. */
class BusyEngine extends FakeEngine {
  override async search(): Promise<SearchResult> {
    const until = performance.now() + SEARCH_MS;
    while (performance.now() < until);
    return super.search();
  }
}

/** Milliseconds from sending all the searches at once to each answer, measured by a client in another process. */
function answerTimes(server: RunningArchiveServer): Promise<number[]> {
  const client = `
    const url = 'http://127.0.0.1:${server.port}/api/search';
    const ask = () => fetch(url, { method: 'POST', headers: { authorization: 'Bearer ${server.token}' }, body: JSON.stringify({ arg: { query: 'روسيا' } }) })
      .then((r) => r.json());
    await Promise.all(Array.from({ length: ${SEARCHES} }, ask)); // the connections are open
    const started = performance.now();
    const times = await Promise.all(Array.from({ length: ${SEARCHES} }, () => ask().then(() => performance.now() - started)));
    console.log(JSON.stringify(times));`;
  return new Promise((resolve, reject) => {
    execFile('node', ['--input-type=module', '-e', client], (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout))));
  });
}

let server: RunningArchiveServer | undefined;
afterAll(() => server?.close());

// A client starved of CPU by other processes reads every answer late and together: timing, so tried up to 3 times.
describe('concurrent searches', { timeout: 60_000, retry: 2 }, () => {
  it('are answered one by one as each is done, not all together at the end', async () => {
    server = await startArchiveServer({ api: createArchiveApp(new BusyEngine()), staticDir: null });
    const times = (await answerTimes(server)).sort((a, b) => a - b);
    const median = times[times.length >> 1];
    const last = times[times.length - 1];
    expect(last).toBeGreaterThanOrEqual(SEARCHES * SEARCH_MS * 0.9);
    // One at a time, the median answer comes about half way; when all waited for the last, at its end.
    expect(median).toBeLessThan(0.75 * last);
  });
});
