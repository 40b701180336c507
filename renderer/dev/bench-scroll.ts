// Scrolling the library in Chromium: frame times and rendered rows.
//   npx tsx renderer/dev/bench-scroll.ts [N]          fake in-memory archive of N articles (default 100000)
//   npx tsx renderer/dev/bench-scroll.ts --url URL    a running `archive-reader serve` (the URL it printed)
// Needs `npm run build` (dist/renderer) and Chromium at /usr/bin/chromium. Prints one JSON line of figures.
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startArchiveServer } from '../../src/server/archive-server.js';
import { createFakeApi } from './fake-api.js';

const urlFlag = process.argv.indexOf('--url');
let url: string;
let close = async () => {};
if (urlFlag > 0) {
  url = process.argv[urlFlag + 1];
} else {
  const n = Number(process.argv[2] ?? 100_000);
  const server = await startArchiveServer({
    api: createFakeApi(n),
    staticDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
  });
  url = server.url;
  close = server.close;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(url);
  await page.waitForSelector('#article-list [role=option]');
  // Passed as source text: tsx would otherwise wrap the in-page functions in helpers the page lacks.
  const figures = await page.evaluate(`(async () => {
    const list = document.querySelector('#article-list [role=listbox]');
    const frames = [];
    let maxRows = 0;
    let last = performance.now();
    // 600 frames: a flick through the whole list in big steps, then a slow scroll in small ones.
    for (let i = 0; i < 600; i++) {
      list.scrollTop = i < 300 ? (list.scrollHeight * i) / 300 : list.scrollTop + 120;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, list.querySelectorAll('[role=option]').length);
    }
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] * 10) / 10;
    const total = Number(list.querySelector('[role=option]').getAttribute('aria-setsize'));
    return { articles: total, frames: frames.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: at(1), maxRowsInDom: maxRows };
  })()`);
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await close();
}
