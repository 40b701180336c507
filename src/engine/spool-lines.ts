// Reading a spool file back one line at a time, a chunk of the file in memory instead of the whole file (as a
// string, and then split, that was a few megabytes per segment and worker, all of it alive until the segment
// was written).
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 256 * 1024;

/**
 * The non-empty lines of a UTF-8 file, without their '\n', as `readFileSync(path, 'utf8').split('\n')` gives
 * them (a newline byte is never part of a multi-byte character, so decoding line by line decodes the same).
 */
export function* fileLines(path: string, chunkBytes = CHUNK): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunkBytes);
    let filled = 0; // bytes of buf holding file data not yet returned as lines
    let eof = false;
    while (!eof) {
      if (filled === buf.length) {
        // A line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      if (n === 0) eof = true;
      const end = filled + n;
      const data = buf.subarray(0, end);
      let start = 0;
      for (let nl = data.indexOf(10, filled); nl >= 0; nl = data.indexOf(10, nl + 1)) {
        if (nl > start) yield buf.toString('utf8', start, nl);
        start = nl + 1;
      }
      if (eof) {
        if (end > start) yield buf.toString('utf8', start, end);
      } else {
        buf.copy(buf, 0, start, end);
        filled = end - start;
      }
    }
  } finally {
    closeSync(fd);
  }
}
