#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('archive-reader: not built yet; run `npm run build` in the project folder first.');
  process.exit(1);
}
const { main } = await import(cli);
await main();
