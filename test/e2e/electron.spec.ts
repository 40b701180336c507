// The desktop app. 1) The built Electron app (out/) launched on a fresh user profile, so it opens the bundled
// sample archive as on a first run; where the Electron runtime is not installed (its binary cannot be downloaded,
// as on the build machine) that test reports itself skipped with the reason. 2) Everywhere Chromium exists: the
// Electron build of the renderer (out/renderer) served exactly as the app:// protocol handler serves it (same
// path checks, same CSP), talking to the engine through a window.archiveApi shaped like the preload's, whose
// calls pass main's IPC guard — the whole chain except Electron itself.
import { _electron as electron, expect, test } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { API_METHODS, type ArchiveApi } from '../../src/api.js';
import { findElectronRuntime } from '../../main/electron-runtime.mjs';
import { createArchiveCallHandler } from '../../main/ipc-guard.js';
import { resolveRequestFile, responseHeaders } from '../../main/protocol-path.js';

const REPO = resolve(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';

function buildElectronApp(): void {
  const build = spawnSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: REPO, stdio: 'inherit' });
  expect(build.status, 'electron-vite build').toBe(0);
}
/** The newest article of the sample archive: first in the library, which lists newest first. */
const NEWEST_TITLE = 'تمديد مترو الجزائر إلى مطار هواري بومدين';
const runtime = findElectronRuntime(REPO);

test.describe('Electron app', () => {
  test.skip(!runtime.ok, `Electron runtime not installed: ${runtime.ok ? '' : runtime.reason}`);

  let profile: string;
  test.beforeAll(() => {
    if (!existsSync(join(REPO, 'out', 'main', 'index.js'))) buildElectronApp();
    profile = mkdtempSync(join(tmpdir(), 'archive-electron-'));
  });
  test.afterAll(() => rmSync(profile, { recursive: true, force: true }));

  test('opens one secure window on the sample archive and lists its articles', async () => {
    test.setTimeout(120_000);
    const args = [REPO];
    if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
    const app = await electron.launch({
      executablePath: runtime.ok ? runtime.bin : undefined,
      args,
      cwd: REPO,
      env: { ...process.env, XDG_CONFIG_HOME: profile, HOME: profile },
    });
    try {
      const window = await app.firstWindow();
      expect(window.url()).toMatch(/^app:\/\/archive\//);
      await expect(window.getByRole('listbox')).toContainText(NEWEST_TITLE, { timeout: 60_000 });

      // The page has the two bridge objects and nothing of Node.
      const page = await window.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return {
          require: typeof w.require,
          process: typeof w.process,
          api: Object.keys((w.archiveApi ?? {}) as object).sort(),
          shell: Object.keys((w.archiveShell ?? {}) as object).sort(),
        };
      });
      expect(page).toEqual({
        require: 'undefined',
        process: 'undefined',
        api: [...API_METHODS].sort(),
        shell: ['openExternal', 'pickFolder', 'recentArchives', 'setLanguage'],
      });

      const status = await window.evaluate(() => (window as unknown as { archiveApi: { getStatus(): Promise<{ root: string; articles: number }> } }).archiveApi.getStatus());
      expect(status.root).toBe(join(profile, 'archive-reader', 'sample-archive'));
      expect(status.articles).toBeGreaterThanOrEqual(16);

      // Bad arguments are refused in main with a plain message.
      const refused = await window.evaluate(() =>
        (window as unknown as { archiveApi: { search(a: unknown): Promise<unknown> } }).archiveApi.search({ query: 5 }).then(
          () => 'accepted',
          (err: Error) => err.message,
        ),
      );
      expect(refused).toMatch(/^search: query: /);

      // Navigation away from the app is refused.
      await window.evaluate(() => {
        globalThis.location.href = 'file:///etc/passwd';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toMatch(/^app:\/\/archive\//);

      const windows = app.windows();
      expect(windows).toHaveLength(1);
    } finally {
      await app.close();
    }
    const state = JSON.parse(readFileSync(join(profile, 'archive-reader', 'state.json'), 'utf8'));
    expect(state.lastArchive).toBe(join(profile, 'archive-reader', 'sample-archive'));
    expect(state.window.bounds.width).toBeGreaterThan(0);
  });
});

/** The HTTP API of `archive-reader serve`, as an ArchiveApi (stands in for the engine main holds). */
function httpApi(url: string): ArchiveApi {
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  const call = async (method: string, arg: unknown) => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(arg === undefined ? {} : { arg }),
    });
    const body = (await res.json()) as { result?: unknown; error?: string };
    if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
    return body.result;
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (arg: unknown) => call(m, arg)])) as unknown as ArchiveApi;
}

test.describe('Electron renderer build under the app protocol', () => {
  test.skip(!existsSync(CHROMIUM) && process.env.REQUIRE_BROWSER_TESTS !== '1', `Chromium not installed at ${CHROMIUM}`);

  let work: string;
  let server: ChildProcess | undefined;
  let serverUrl: string;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    if (!existsSync(join(REPO, 'out', 'renderer', 'index.html'))) buildElectronApp();
    work = mkdtempSync(join(tmpdir(), 'archive-electron-renderer-'));
    const archive = join(work, 'archive');
    mkdirSync(archive);
    cpSync(join(REPO, 'assets', 'sample-archive'), archive, { recursive: true });
    server = spawn(process.execPath, [join(REPO, 'bin', 'archive-reader.mjs'), 'serve', archive, '--cache', join(work, 'cache')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    serverUrl = await new Promise<string>((ok, fail) => {
      server!.once('exit', (code) => fail(new Error(`serve exited with ${code}`)));
      createInterface({ input: server!.stdout! }).once('line', (line) => ok(line.trim()));
    });
    const api = httpApi(serverUrl);
    for (let i = 0; i < 600; i++) {
      const status = await api.getStatus();
      if (status.progress.phase === 'done' && status.articles > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  test.afterAll(async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('loads with the app CSP, lists and searches the sample archive through the preload-shaped bridge', async ({ page }) => {
    const APP = 'http://archive.app.test';
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
    });
    // Every request is answered the way main's protocol.handle answers app://archive/… (or refused).
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (!url.startsWith(APP + '/')) return route.abort();
      const resolved = await resolveRequestFile(url.replace(APP, 'app://archive'), join(REPO, 'out', 'renderer'));
      if (!resolved.ok) return route.fulfill({ status: resolved.status, body: resolved.reason });
      return route.fulfill({ status: 200, headers: responseHeaders(resolved.file), body: readFileSync(resolved.file) });
    });
    // main/ipc-guard.ts between the page and the engine, as ipcMain.handle('archive:call') runs it.
    const handle = createArchiveCallHandler({ api: () => httpApi(serverUrl) });
    const calls: string[] = [];
    await page.exposeFunction('__archiveIpc', (method: string, arg: unknown) => {
      calls.push(method);
      return handle({ senderFrame: { url: 'app://archive/index.html', parent: null } }, method, arg);
    });
    await page.addInitScript((methods: string[]) => {
      const w = window as unknown as Record<string, unknown> & { __archiveIpc(m: string, a: unknown): Promise<{ ok: boolean; result?: unknown; error?: string }> };
      const unwrap = async (reply: Promise<{ ok: boolean; result?: unknown; error?: string }>) => {
        const r = await reply;
        if (!r.ok) throw new Error(r.error);
        return r.result;
      };
      w.archiveApi = Object.fromEntries(methods.map((m) => [m, (arg?: unknown) => unwrap(w.__archiveIpc(m, arg))]));
      w.archiveShell = { pickFolder: async () => null, recentArchives: async () => [], openExternal: async () => undefined };
    }, [...API_METHODS]);

    await page.goto(`${APP}/index.html`);
    const list = page.getByRole('listbox');
    await expect(list).toContainText(NEWEST_TITLE, { timeout: 30_000 });
    expect(calls).toContain('listArticles');

    // The bundled Arabic font loads from the app's own files.
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded');
    });
    expect(fontLoaded).toBe(true);

    await page.locator('#search-input').fill('الزيتون');
    await expect(list).toContainText('تونس تتوقع ارتفاع صادرات زيت الزيتون', { timeout: 15_000 });
    await expect(list).not.toContainText(NEWEST_TITLE);
    expect(calls).toContain('search');
    mkdirSync(join(REPO, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(REPO, 'test-results', 'screenshots', 'electron-renderer.png') });
    expect(problems).toEqual([]);
  });
});
