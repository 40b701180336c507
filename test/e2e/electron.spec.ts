// The desktop app itself: launches the built Electron app (out/) on a fresh user profile, so it opens the
// bundled sample archive as on a first run. Where the Electron runtime is not installed (its binary cannot be
// downloaded, as on the build machine) the test reports itself skipped with the reason.
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_METHODS } from '../../src/api.js';
import { findElectronRuntime } from '../../main/electron-runtime.mjs';

const REPO = resolve(import.meta.dirname, '../..');
/** The newest article of the sample archive: first in the library, which lists newest first. */
const NEWEST_TITLE = 'تمديد مترو الجزائر إلى مطار هواري بومدين';
const runtime = findElectronRuntime(REPO);

test.describe('Electron app', () => {
  test.skip(!runtime.ok, `Electron runtime not installed: ${runtime.ok ? '' : runtime.reason}`);

  let profile: string;
  test.beforeAll(() => {
    if (!existsSync(join(REPO, 'out', 'main', 'index.js')) || !existsSync(join(REPO, 'dist', 'cli.mjs'))) {
      const build = spawnSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: REPO, stdio: 'inherit' });
      expect(build.status, 'electron-vite build').toBe(0);
    }
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
        window.location.href = 'file:///etc/passwd';
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
