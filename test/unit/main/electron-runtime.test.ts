import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../main/electron-runtime.mjs';

let repo: string;
const env = { PATH: process.env.PATH };

function fakeElectron(opts: { pathTxt?: string; script?: string }) {
  const pkg = join(repo, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (opts.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), opts.pathTxt);
  if (opts.script !== undefined) {
    const bin = join(pkg, 'dist', 'electron');
    writeFileSync(bin, opts.script);
    chmodSync(bin, 0o755);
  }
}

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'electron-runtime-'));
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('findElectronRuntime', () => {
  it('reports a missing package', () => {
    expect(findElectronRuntime(repo, { env })).toEqual({ ok: false, reason: 'the electron package is not installed' });
  });

  it('reports a package whose binary was never downloaded (as on this machine)', () => {
    fakeElectron({});
    expect(findElectronRuntime(repo, { env })).toMatchObject({ ok: false, reason: expect.stringMatching(/no binary/) });
  });

  it('reports a path.txt that points at nothing', () => {
    fakeElectron({ pathTxt: 'electron' });
    expect(findElectronRuntime(repo, { env })).toMatchObject({ ok: false, reason: expect.stringMatching(/is missing$/) });
  });

  it('reports a binary that does not run', () => {
    fakeElectron({ pathTxt: 'electron', script: '#!/bin/sh\nexit 3\n' });
    expect(findElectronRuntime(repo, { env })).toMatchObject({ ok: false, reason: expect.stringMatching(/exited with 3/) });
  });

  it('reports a binary that hangs, within the timeout', () => {
    fakeElectron({ pathTxt: 'electron', script: '#!/bin/sh\nsleep 30\n' });
    const started = Date.now();
    expect(findElectronRuntime(repo, { env, timeoutMs: 300 }).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('finds a working runtime and its version', () => {
    fakeElectron({ pathTxt: 'electron\n', script: '#!/bin/sh\necho v45.5.0\n' });
    expect(findElectronRuntime(repo, { env })).toEqual({ ok: true, bin: join(repo, 'node_modules', 'electron', 'dist', 'electron'), version: 'v45.5.0' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    fakeElectron({});
    const other = join(repo, 'custom');
    mkdirSync(other);
    writeFileSync(join(other, 'electron'), '#!/bin/sh\necho v45.0.0\n');
    chmodSync(join(other, 'electron'), 0o755);
    expect(findElectronRuntime(repo, { env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: other } })).toMatchObject({ ok: true, version: 'v45.0.0' });
  });
});
