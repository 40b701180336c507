// The bundled main process (out/main/index.js, as electron-vite builds it) run under plain Node with a stand-in
// for the electron module (fixtures/electron-stub): the Electron binary cannot run here, but everything main asks
// of Electron can be checked — the window's security settings, the app:// protocol, IPC validation, navigation and
// permission guards — while the real engine indexes the sample archive in worker threads loaded from
// out/main/*.worker.mjs, exactly as in the packaged app.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestMtime } from '../newest-mtime.js';

const REPO = resolve(import.meta.dirname, '../../..');
const BUNDLE = join(REPO, 'out', 'main', 'index.js');
const STUB = join(import.meta.dirname, 'fixtures', 'electron-stub');

let home: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let seen: any;

beforeAll(() => {
  const sources = ['main', 'src', 'renderer'].map((d) => newestMtime(join(REPO, d)));
  if (!existsSync(BUNDLE) || Math.max(...sources) > statSync(BUNDLE).mtimeMs) {
    const build = spawnSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(build.status, `electron-vite build failed:\n${build.stderr}`).toBe(0);
  }
  home = mkdtempSync(join(tmpdir(), 'built-main-'));
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(STUB, 'register.mjs')).href, join(STUB, 'drive-main.mjs')], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 150_000,
    env: { ...process.env, MAIN_BUNDLE: pathToFileURL(BUNDLE).href, STUB_APP_DATA: join(home, 'config'), STUB_APP_PATH: REPO, XDG_CACHE_HOME: join(home, 'cache') },
  });
  expect(run.status, `the bundled main process failed:\n${run.stderr}`).toBe(0);
  seen = JSON.parse(run.stdout.trim().split('\n').pop()!);
}, 240_000);

afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('bundled main process', () => {
  it('registers app:// as a privileged standard, secure scheme and enables the sandbox before ready', () => {
    expect(seen.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(seen.protocolScheme).toBe('app');
    expect(seen.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(seen.calls.indexOf('whenReady'));
    expect(seen.calls.indexOf('enableSandbox')).toBeLessThan(seen.calls.indexOf('whenReady'));
  });

  it('opens one isolated, sandboxed window on app://archive with the built preload', () => {
    expect(seen.windowCount).toBe(1);
    expect(seen.window.url).toBe('app://archive/index.html');
    const prefs = seen.window.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(prefs.preload).toBe(join(REPO, 'out', 'preload', 'index.cjs'));
    expect(existsSync(prefs.preload)).toBe(true);
  });

  it('serves the built renderer with a strict CSP and nothing outside it', () => {
    const { index, dotdot, encoded, encodedSlash, missing, post } = seen.protocol;
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self'/);
    expect(index.body).toContain('<html');
    for (const r of [dotdot, encoded, encodedSlash]) {
      expect(r.status).toBe(403);
      expect(r.body).not.toContain('archive-reader');
    }
    expect(missing.status).toBe(404);
    expect(post.status).toBe(405);
  });

  it('indexes the sample archive on first run, in worker threads, and answers the API over IPC', () => {
    const sample = join(home, 'config', 'archive-reader', 'sample-archive');
    expect(seen.indexed).toMatchObject({ root: sample, progress: { phase: 'done' }, failed: [] });
    expect(seen.indexed.articles).toBeGreaterThanOrEqual(16);
    expect(seen.search.ok).toBe(true);
    expect(seen.search.result.hits.map((h: { id: string }) => h.id)).toContain('صفحات-محفوظة/algiers-metro.html');
    const state = JSON.parse(readFileSync(join(home, 'config', 'archive-reader', 'state.json'), 'utf8'));
    expect(state.lastArchive).toBe(sample);
    expect(seen.recent).toEqual({ ok: true, result: [sample] });
  });

  it('refuses IPC from other frames, unknown methods and invalid arguments', () => {
    expect(seen.foreign).toEqual({ ok: false, error: 'refused: not sent by the app' });
    expect(seen.subframe).toEqual({ ok: false, error: 'refused: not sent by the app' });
    expect(seen.badArgs).toMatchObject({ ok: false, error: expect.stringMatching(/^openArchive: /) });
    expect(seen.closeMethod).toEqual({ ok: false, error: 'unknown API method: close' });
    expect(seen.openFile).toMatchObject({ ok: false });
    expect(seen.setLanguageBad).toMatchObject({ ok: false });
  });

  it('saves an export through a native save dialog in Downloads and returns the full path written', () => {
    const downloads = join(home, 'config', 'downloads');
    expect(seen.saveExport).toEqual({ ok: true, result: join(downloads, 'saved.md') });
    expect(readFileSync(join(downloads, 'saved.md'), 'utf8')).toBe('# تعليقاتي\n');
    expect(seen.saveDialogs[0]).toMatchObject({ withWindow: true, options: { defaultPath: join(downloads, 'annotations-2026-12-08.md') } });
    expect(seen.saveDialogs).toHaveLength(1);
    expect(seen.saveExportForeign).toEqual({ ok: false, error: 'refused: not sent by the app' });
    expect(seen.saveExportBadName).toMatchObject({ ok: false, error: expect.stringMatching(/file name/) });
  });

  it('denies every permission and every network request', () => {
    expect(seen.permissionGranted).toBe(false);
    expect(seen.permissionCheck).toBe(false);
    expect(seen.beforeRequestUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    expect(seen.beforeRequestResult).toEqual({ cancel: true });
  });

  it('keeps navigation inside the app and sends only web links to the system browser', () => {
    expect(seen.navigation).toEqual({
      'app://archive/index.html#/a': false,
      'javascript:alert(1)': true,
      'file:///etc/passwd': true,
      'https://www.reuters.com/': true,
    });
    expect(seen.openedExternally).toEqual(['https://www.reuters.com/', 'https://example.com/']);
    expect(seen.windowOpen).toEqual([{ action: 'deny' }, { action: 'deny' }]);
    expect(seen.webviewPrevented).toBe(true);
  });

  it('builds the menu in the UI language and follows the page when it changes', () => {
    expect(seen.menu).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة']);
    expect(seen.menuAfterEnglish).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(seen.checkedTheme).toBe('Dark');
  });

  it('applies a theme chosen in the menu to the page and remembers it', () => {
    expect(seen.themeScript).toContain('"theme"] = "sepia"');
    expect(seen.themeScript).toContain('location.reload()');
    expect(seen.stateAfterTheme).toMatchObject({ language: 'en', theme: 'sepia' });
  });

  it('closes the archive before quitting', () => {
    expect(seen.quitPrevented).toBe(true);
    expect(seen.quitCalls).toBe(1);
  });
});

describe('packaged app contents', () => {
  it('imports only Node built-ins, electron and production dependencies (what electron-builder ships)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files = [join(REPO, 'out', 'main'), join(REPO, 'out', 'main', 'chunks')].flatMap((dir) =>
      existsSync(dir) ? readdirSync(dir).filter((f) => /\.m?js$/.test(f)).map((f) => join(dir, f)) : [],
    );
    expect(files.some((f) => f.endsWith('.worker.mjs'))).toBe(true);
    const bare = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s*|import\(\s*|require\(\s*)"([^".][^"]*)"/g)) bare.add(m[1]);
    }
    const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    const missing = [...bare].filter(
      (s) => !s.startsWith('node:') && !builtinModules.includes(s) && s !== 'electron' && !(packageOf(s) in pkg.dependencies),
    );
    expect(missing).toEqual([]);
    // The preload is one self-contained file: a sandboxed preload can require nothing but electron.
    const preload = readFileSync(join(REPO, 'out', 'preload', 'index.cjs'), 'utf8');
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });
});

describe('npm start where the Electron runtime exists', () => {
  it('runs the built desktop app with the folder, instead of browser mode', () => {
    // A stand-in runtime (ELECTRON_OVERRIDE_DIST_PATH, as the electron package honours): it reports a version
    // and records how it was started.
    const runtime = join(home, 'runtime');
    mkdirSync(runtime, { recursive: true });
    const record = join(home, 'electron-args.txt');
    writeFileSync(
      join(runtime, 'electron'),
      `#!/bin/sh\nif [ "$1" = "--version" ]; then echo v45.5.0; exit 0; fi\nprintf '%s\\n' "$@" > '${record}'\nexit 0\n`,
    );
    chmodSync(join(runtime, 'electron'), 0o755);
    const folder = join(home, 'config', 'archive-reader', 'sample-archive');
    const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'start.mjs'), folder], {
      cwd: REPO,
      // out/ was built above; nothing is rebuilt while other test files may be reading the tree.
      env: { ...process.env, XDG_CONFIG_HOME: join(home, 'start-config'), ELECTRON_OVERRIDE_DIST_PATH: runtime, ARCHIVE_READER_NO_BUILD: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/browser mode/);
    const args = readFileSync(record, 'utf8').trim().split('\n');
    expect(args[0]).toBe(REPO);
    expect(args.at(-1)).toBe(folder);
    expect(readFileSync(join(REPO, 'out', 'main', 'index.js'), 'utf8')).toContain('app://archive');
  });
});
