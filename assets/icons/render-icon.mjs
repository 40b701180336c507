// Renders icon.svg to icon.png (512×512) with headless Chromium: `node assets/icons/render-icon.mjs`.
// The PNG is committed; run this again only after editing the SVG.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'icon-'));
try {
  const svg = readFileSync(join(here, 'icon.svg'), 'utf8');
  const html = join(work, 'icon.html');
  writeFileSync(html, `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  execFileSync(chromium, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    `--user-data-dir=${join(work, 'profile')}`, '--hide-scrollbars', '--default-background-color=00000000',
    '--window-size=512,512', `--screenshot=${join(here, 'icon.png')}`, `file://${html}`,
  ], { stdio: 'inherit' });
  console.log(`wrote ${join(here, 'icon.png')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
