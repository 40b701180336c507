import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadState, saveState, withArchiveOpened } from '../../../main/app-state.js';
import { addRecent, existingFolders, MAX_RECENT } from '../../../main/recent-archives.js';
import { captureState, DEFAULT_SIZE, MIN_SIZE, restoreBounds } from '../../../main/window-state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'app-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('state file', () => {
  it('starts empty and round-trips what was saved', () => {
    const file = join(dir, 'nested', 'state.json');
    expect(loadState(file)).toEqual({ recentArchives: [] });
    const state = {
      ...withArchiveOpened(loadState(file), '/home/u/أخبار'),
      window: captureState({ x: 10, y: 20, width: 1000, height: 700 }, true),
      language: 'en' as const,
      theme: 'dark' as const,
    };
    saveState(file, state);
    expect(loadState(file)).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('sets a corrupt file aside and carries on with defaults', () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"lastArchive": "/a", ');
    expect(loadState(file)).toEqual({ recentArchives: [] });
    expect(readFileSync(`${file}.bad`, 'utf8')).toBe('{"lastArchive": "/a", ');
    expect(existsSync(file)).toBe(false);
  });

  it('drops fields of the wrong type', () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, JSON.stringify({ lastArchive: 5, recentArchives: ['/a', 7, ''], language: 'fr', theme: 'neon' }));
    expect(loadState(file)).toEqual({ recentArchives: ['/a'] });
  });

  it('remembers the last archive and moves it to the front of the recent list', () => {
    let s = withArchiveOpened({ recentArchives: [] }, '/a');
    s = withArchiveOpened(s, '/b');
    s = withArchiveOpened(s, '/a');
    expect(s.lastArchive).toBe('/a');
    expect(s.recentArchives).toEqual(['/a', '/b']);
  });
});

describe('recent archives', () => {
  it('keeps at most MAX_RECENT entries without duplicates', () => {
    let list: string[] = [];
    for (let i = 0; i < 15; i++) list = addRecent(list, `/archive/${i % 12}`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(new Set(list).size).toBe(MAX_RECENT);
    expect(list[0]).toBe('/archive/2');
  });

  it('lists only folders that still exist', () => {
    expect(existingFolders([dir, join(dir, 'gone'), join(dir, 'x')], (p) => p === dir)).toEqual([dir]);
    expect(existingFolders([dir, join(dir, 'gone')])).toEqual([dir]);
  });
});

describe('window state', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('uses the default size when nothing is saved', () => {
    expect(restoreBounds(undefined, screen)).toEqual(DEFAULT_SIZE);
  });

  it('restores a saved position that is on screen', () => {
    expect(restoreBounds({ bounds: { x: 100, y: 50, width: 1000, height: 700 } }, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
  });

  it('keeps the size but lets the window be centred when its screen is gone', () => {
    expect(restoreBounds({ bounds: { x: 2500, y: 100, width: 1000, height: 700 } }, screen)).toEqual({ width: 1000, height: 700 });
  });

  it('restores onto a second screen at negative coordinates', () => {
    const two = [...screen, { x: -1280, y: 0, width: 1280, height: 1000 }];
    expect(restoreBounds({ bounds: { x: -1200, y: 10, width: 900, height: 600 } }, two)).toMatchObject({ x: -1200, y: 10 });
  });

  it('clamps sizes to the minimum and to the largest screen', () => {
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: 100, height: 100 } }, screen)).toMatchObject(MIN_SIZE);
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: 5000, height: 4000 } }, screen)).toMatchObject({ width: 1920, height: 1040 });
  });

  it('ignores nonsense bounds', () => {
    expect(restoreBounds({ bounds: { x: NaN, y: 0, width: 800, height: 600 } }, screen)).toEqual(DEFAULT_SIZE);
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: -5, height: 600 } }, screen)).toEqual(DEFAULT_SIZE);
  });
});
