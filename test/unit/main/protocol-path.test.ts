import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isInside, resolveRequestFile, resolveRequestPath, responseHeaders } from '../../../main/protocol-path.js';

describe('resolveRequestPath', () => {
  it.each([
    ['app://archive/', 'index.html'],
    ['app://archive/index.html', 'index.html'],
    ['app://archive/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://archive/fonts/%D9%86%D8%B3%D8%AE.woff2', 'fonts/نسخ.woff2'],
  ])('maps %s to %s', (url, file) => {
    expect(resolveRequestPath(url)).toEqual({ ok: true, relativePath: file });
  });

  it.each([
    ['dot-dot', 'app://archive/../../etc/passwd'],
    ['dot-dot inside', 'app://archive/assets/../../../etc/passwd'],
    ['encoded dot-dot', 'app://archive/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed encoded dot-dot', 'app://archive/assets/.%2E/secret'],
    ['encoded slash to an absolute path', 'app://archive/%2Fetc%2Fpasswd'],
    ['double slash absolute path', 'app://archive//etc/passwd'],
    ['backslash traversal', 'app://archive/..%5C..%5Cwindows%5Cwin.ini'],
    ['a Windows drive', 'app://archive/C:/Windows/win.ini'],
  ])('refuses %s', (_name, url) => {
    const r = resolveRequestPath(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status).toBe(403);
  });

  it.each([
    ['another host', 'app://elsewhere/index.html', 403],
    ['another scheme', 'file:///etc/passwd', 403],
    ['malformed escapes', 'app://archive/%E0%A4%A', 400],
    ['a NUL byte', 'app://archive/index.html%00.png', 400],
  ])('refuses %s', (_name, url, status) => {
    const r = resolveRequestPath(url);
    expect(r).toMatchObject({ ok: false, status });
  });
});

describe('resolveRequestFile', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'protocol-path-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
    symlinkSync(base, join(root, 'up'));
    symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves files inside the root', async () => {
    expect(await resolveRequestFile('app://archive/', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(await resolveRequestFile('app://archive/assets/app.js', root)).toEqual({ ok: true, file: join(root, 'assets', 'app.js') });
  });

  it('follows a symlink that stays inside the root', async () => {
    expect(await resolveRequestFile('app://archive/alias.js', root)).toEqual({ ok: true, file: join(root, 'assets', 'app.js') });
  });

  it('refuses a symlinked file pointing outside the root', async () => {
    expect(await resolveRequestFile('app://archive/assets/escape.txt', root)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a symlinked folder pointing outside the root', async () => {
    expect(await resolveRequestFile('app://archive/up/secret.txt', root)).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 404 for missing files and folders', async () => {
    expect(await resolveRequestFile('app://archive/nope.js', root)).toMatchObject({ ok: false, status: 404 });
    expect(await resolveRequestFile('app://archive/assets', root)).toMatchObject({ ok: false, status: 404 });
  });

  it('never reaches a file beside the root, however the path is spelled', async () => {
    for (const url of ['app://archive/../secret.txt', 'app://archive/%2e%2e/secret.txt', 'app://archive/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const r = await resolveRequestFile(url, root);
      expect(r.ok, url).toBe(false);
    }
  });
});

describe('isInside', () => {
  it('distinguishes a sibling with a common prefix', () => {
    expect(isInside('/a/renderer', '/a/renderer/x.js')).toBe(true);
    expect(isInside('/a/renderer', '/a/renderer')).toBe(true);
    expect(isInside('/a/renderer', '/a/renderer-evil/x.js')).toBe(false);
    expect(isInside('/a/renderer', '/a/x.js')).toBe(false);
  });
});

describe('responseHeaders', () => {
  it('sends a strict CSP and the right content type', () => {
    const h = responseHeaders('/r/assets/index.js');
    expect(h['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});
