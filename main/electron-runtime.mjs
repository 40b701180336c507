// Finds the Electron runtime WITHOUT require('electron'), which would try to download it. Plain JavaScript so
// scripts/start.mjs (plain Node) and the Playwright spec share it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} repo the project folder (holding node_modules/electron)
 * @param {{ env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {{ ok: true, bin: string, version: string } | { ok: false, reason: string }}
 */
export function findElectronRuntime(repo, options = {}) {
  const env = options.env ?? process.env;
  const pkg = join(repo, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = join(pkg, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!exe && !override) return { ok: false, reason: 'node_modules/electron has no binary, its download did not happen' };
  const bin = override ? join(override, exe || 'electron') : join(pkg, 'dist', exe);
  if (!existsSync(bin)) return { ok: false, reason: `${bin} is missing` };
  const probe = spawnSync(bin, ['--version'], {
    timeout: options.timeoutMs ?? 15_000,
    encoding: 'utf8',
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (probe.error) return { ok: false, reason: `${bin} does not run: ${probe.error.message}` };
  if (probe.status !== 0) return { ok: false, reason: `${bin} --version exited with ${probe.status ?? probe.signal}` };
  return { ok: true, bin, version: (probe.stdout ?? '').trim() };
}
