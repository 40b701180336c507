import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';

const REPO = resolve(import.meta.dirname, '../../..');

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), readStdin: async () => '' },
  };
}

describe('archive-reader serve: argument errors', () => {
  it('exits 2 with the usage when the folder is missing', async () => {
    const { out, io } = capture();
    expect(await runCli(['serve'], io)).toBe(2);
    expect(out.stderr).toMatch(/usage: archive-reader serve <folder>/);
  });

  it('exits 2 on a bad port', async () => {
    const { out, io } = capture();
    expect(await runCli(['serve', '.', '--port', '70000'], io)).toBe(2);
    expect(out.stderr).toMatch(/--port/);
    expect(await runCli(['serve', '.', '--port', 'abc'], io)).toBe(2);
  });

  it('exits 1 with one clear line when the folder does not exist', async () => {
    const { out, io } = capture();
    expect(await runCli(['serve', '/nonexistent/archive-folder'], io)).toBe(1);
    expect(out.stderr).toBe('archive-reader: not a folder: /nonexistent/archive-folder\n');
    expect(out.stdout).toBe('');
  });
});

describe('archive-reader serve on the fixture archive (built CLI)', () => {
  const work = mkdtempSync(join(tmpdir(), 'serve-cmd-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('prints one URL line, serves the UI and the API with the token, and stops on SIGTERM', async () => {
    for (const needed of [join('dist', 'cli.mjs'), join('dist', 'renderer', 'index.html')])
      expect(existsSync(join(REPO, needed)), `${needed} is missing: run \`npm run build\` first`).toBe(true);
    const archive = join(work, 'archive');
    cpSync(join(REPO, 'test', 'fixtures', 'archive'), archive, { recursive: true });
    const child = spawn(process.execPath, [join(REPO, 'bin', 'archive-reader.mjs'), 'serve', archive, '--cache', join(work, 'cache')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdoutLines: string[] = [];
    const firstLine = new Promise<string>((resolvePromise, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited early (${code})`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdoutLines.push(line);
        if (stdoutLines.length === 1) resolvePromise(line);
      });
    });
    try {
      const url = await firstLine;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}$/);
      const { origin, hash } = new URL(url);
      const token = hash.slice('#token='.length);

      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");

      const call = (method: string, arg: unknown, auth = `Bearer ${token}`) =>
        fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Authorization: auth }, body: JSON.stringify({ arg }) });
      expect((await call('getStatus', undefined, 'Bearer nope')).status).toBe(401);
      let status: { root: string; progress: { phase: string }; articles: number } | undefined;
      for (let i = 0; i < 200; i++) {
        status = ((await (await call('getStatus', undefined)).json()) as { result: typeof status }).result;
        if (status?.progress.phase === 'done') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status?.root).toBe(archive);
      expect(status?.articles).toBe(10);
      const search = (await (await call('search', { query: 'اذربيجان', limit: 5 })).json()) as { result: { total: number } };
      expect(search.result.total).toBeGreaterThan(0);
      const bad = await call('search', { query: 'x', limit: 0 });
      expect(bad.status).toBe(400);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stdoutLines).toHaveLength(1);
  });
});
