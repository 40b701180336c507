// package.json's "engines" is what the README promises: every package npm installs accepts the lowest Node of each
// line it names (so `npm install` prints no EBADENGINE warning there), except Electron's own tooling on Node 20,
// which the README names as needing Node 22.12 for `npm run dist`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
const ELECTRON_TOOLING = ['electron', '@electron/get', '@electron-internal/extract-zip', '@electron/rebuild', 'node-abi'];

/** Installed packages (not optional ones npm skips) whose engines.node refuses `node`. */
function refusing(node: string): string[] {
  return Object.entries(lock.packages as Record<string, { engines?: { node?: string }; optional?: boolean }>)
    .filter(([path, p]) => path && !p.optional && p.engines?.node && !semver.satisfies(node, p.engines.node))
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
}

describe('the Node versions package.json states', () => {
  const lowest = (pkg.engines.node as string).split('||').map((range) => semver.minVersion(range.trim())!.version);

  it('are Node 20.19+ and 22.13+ (and so 24)', () => {
    expect(lowest).toEqual(['20.19.0', '22.13.0']);
    expect(semver.satisfies('24.0.0', pkg.engines.node)).toBe(true);
  });

  it.each(lowest.filter((v) => !v.startsWith('20.')).concat('24.0.0'))('Node %s installs every package without an engine warning', (node) => {
    expect(refusing(node)).toEqual([]);
  });

  it('Node 20 installs every package but the Electron tooling the README names', () => {
    expect(refusing(lowest[0]).sort()).toEqual([...ELECTRON_TOOLING].sort());
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const name of ELECTRON_TOOLING) expect(readme).toContain(`\`${name}\``);
  });
});
