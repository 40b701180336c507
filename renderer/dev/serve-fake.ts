// Serves the built renderer over a fake in-memory archive: `npx tsx renderer/dev/serve-fake.ts [N] [--port P]`.
import { fileURLToPath } from 'node:url';
import { startArchiveServer } from '../../src/server/archive-server.js';
import { createFakeApi } from './fake-api.js';

const count = Number(process.argv[2] ?? 1000);
const portFlag = process.argv.indexOf('--port');
const server = await startArchiveServer({
  api: createFakeApi(count),
  staticDir: fileURLToPath(new URL('../../dist/renderer/', import.meta.url)),
  port: portFlag > 0 ? Number(process.argv[portFlag + 1]) : 0,
});
console.log(server.url);
