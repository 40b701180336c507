// Icons are bundled SVG (renderer/src/icons): an emoji or a symbol-font character shows as an empty box on a
// system without that font (the reviewed delete button did). No renderer file may put one on screen.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICONS } from '../../../renderer/src/icons/paths.js';

const RENDERER = resolve(import.meta.dirname, '../../../renderer/src');

/** Arrows, math operators, technical and dingbat symbols, geometric shapes, emoji and their presentation selector. */
const ICON_LIKE = /[\u2190-\u21FF\u2212\u2200-\u23FF\u25A0-\u27BF\u2900-\u2BFF\u{1F000}-\u{1FAFF}]|\uFE0F/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(svelte|ts|css)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The code without its comments (a comment may say "A→Z"; only what can reach the screen counts). */
function withoutComments(code: string): string {
  return code
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('icons', () => {
  it('no renderer file shows an emoji or a symbol-font character as an icon', () => {
    const offenders = sourceFiles(RENDERER).flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) => (ICON_LIKE.test(line) ? [`${relative(RENDERER, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it('every bundled icon is plain path data on the 24×24 grid', () => {
    for (const [name, d] of Object.entries(ICONS)) {
      expect(d, name).toMatch(/^M[\d\s.,MmLlHhVvCcSsQqTtAaZz-]+$/);
      const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      expect(Math.max(...numbers), name).toBeLessThanOrEqual(24);
    }
  });
});
