// N copies of a corpus in one folder, one .jsonl file per copy: the ~100,000-article archive of the benchmarks.
// Article ids are file#line, so every copy's articles are distinct; the text repeats, so the vocabulary stays
// the corpus's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeCorpusCopies(dir: string, lines: string[], n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < n; k++) writeFileSync(join(dir, `copy-${k}.jsonl`), lines.join('\n') + '\n');
}
