// `npm start` (scripts/start.mjs) in browser mode, as it runs where Electron is missing: first run on the sample
// archive, the remembered last archive, a folder given on the command line, and a clean stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const START = join(REPO, 'scripts', 'start.mjs');
const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/;

let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'start-script-'));
  // dist/ is built by `npm test` before the tests run; rebuilding it here could disturb tests running alongside.
  env = {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
    ARCHIVE_READER_NO_BUILD: '1',
  };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [START, '--browser', '--no-window', ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[0], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start.mjs exited (${code}) before printing a URL:\n${output}`));
    });
  });
}

async function api(url: string, method: string, arg?: unknown) {
  const { origin, hash } = new URL(url);
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${hash.replace('#token=', '')}` },
    body: JSON.stringify(arg === undefined ? {} : { arg }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return ((await res.json()) as { result: any }).result;
}

async function indexed(url: string) {
  for (let i = 0; i < 600; i++) {
    const status = await api(url, 'getStatus');
    if (status.progress.phase === 'done' && status.articles > 0) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('not indexed within 60 s');
}

async function stop(run: Running): Promise<number | null> {
  const exited = new Promise<number | null>((r) => run.child.once('exit', (code) => r(code)));
  run.child.kill('SIGINT');
  return exited;
}

const state = () => JSON.parse(readFileSync(join(home, 'config', 'archive-reader', 'state.json'), 'utf8'));

describe('npm start in browser mode', () => {
  it('explains its options and refuses a folder that does not exist', () => {
    const help = spawnSync(process.execPath, [START, '--help'], { cwd: REPO, env, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage: npm start/);
    const missing = spawnSync(process.execPath, [START, join(home, 'nope')], { cwd: REPO, env, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/is not a folder/);
  });

  it('opens a copy of the sample archive on first run, indexes it and remembers it', async () => {
    const run = await start([]);
    try {
      const status = await indexed(run.url);
      const sample = join(home, 'config', 'archive-reader', 'sample-archive');
      expect(status.root).toBe(sample);
      expect(run.output()).toContain(`Archive Reader (browser mode) on ${sample}`);
      expect(run.output().match(new RegExp(URL_LINE.source, 'g'))).toHaveLength(1);
      expect(status.articles).toBeGreaterThanOrEqual(16);
      expect(status.failed).toEqual([]);
      expect(state().lastArchive).toBe(sample);
      const page = await fetch(new URL(run.url).origin + '/');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
    } finally {
      await stop(run);
    }
  }, 180_000);

  it('reopens the archive the user switched to, and a folder given on the command line', async () => {
    const other = join(home, 'other');
    mkdirSync(other);
    cpSync(join(REPO, 'assets', 'sample-archive', 'وكالات'), other, { recursive: true });

    let run = await start([]);
    try {
      await indexed(run.url);
      await api(run.url, 'openArchive', { path: other });
      for (let i = 0; i < 100 && state().lastArchive !== other; i++) await new Promise((r) => setTimeout(r, 100));
      expect(state().lastArchive).toBe(other);
    } finally {
      await stop(run);
    }

    run = await start([]);
    try {
      expect((await indexed(run.url)).root).toBe(other);
    } finally {
      await stop(run);
    }

    const sample = join(home, 'config', 'archive-reader', 'sample-archive');
    run = await start([sample]);
    try {
      expect((await indexed(run.url)).root).toBe(sample);
      expect(state().recentArchives.slice(0, 2)).toEqual([sample, other]);
    } finally {
      await stop(run);
    }
  }, 300_000);

  it('stops the server when it is stopped', async () => {
    const run = await start([]);
    const { origin } = new URL(run.url);
    await indexed(run.url);
    await stop(run);
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(origin + '/')).rejects.toThrow();
  }, 180_000);
});
