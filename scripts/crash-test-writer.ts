// Child process of the crash test and the concurrency test: appends annotations to the store of ARCHIVE in a loop
// and prints each id on its own line only after the write was acknowledged (fsync returned).
//   node --import tsx scripts/crash-test-writer.ts ARCHIVE [COUNT] [LABEL]   (COUNT 0 = until killed)
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import type { Annotation } from '../src/api.js';
import { AnnotationStore } from '../src/annotations/annotation-store.js';

const [root, countArg = '0', label = 'w'] = process.argv.slice(2);
if (!root) {
  process.stderr.write('usage: crash-test-writer.ts ARCHIVE [COUNT] [LABEL]\n');
  process.exit(2);
}
const count = Number(countArg);
const store = new AnnotationStore(root, { staleMs: 2000 });
const exact = 'قال رئيس الوزراء الأرميني نيكول باشينيان';

for (let i = 0; count === 0 || i < count; i++) {
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: randomUUID(),
    articleId: `crash/${label}.txt`,
    kind: 'highlight',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    color: 'yellow',
    // Notes of varying length so that kills land in the middle of records of different sizes.
    note: `${label} ${i} ` + 'ملاحظة '.repeat(i % 50),
    tags: [label],
    created: now,
    modified: now,
  };
  await store.put(annotation);
  writeSync(1, annotation.id + '\n');
}
