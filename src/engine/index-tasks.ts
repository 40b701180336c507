// Messages between the indexer (main thread) and index.worker.ts.
import type { ArticleMeta, FailedFile } from '../api.js';

export interface ParseTask {
  kind: 'parse';
  /** absPath: bytes when a name is not valid UTF-8 (see fsPath). */
  files: { relPath: string; absPath: string | Uint8Array }[];
  segmentCount: number;
  spoolDir: string;
  taskNo: number;
}

/** Lines [start, end) (bytes) of one large .jsonl file, its line `firstLine` first. */
export interface ParseLinesTask {
  kind: 'parse-lines';
  relPath: string;
  absPath: string | Uint8Array;
  start: number;
  end: number;
  firstLine: number;
  segmentCount: number;
  spoolDir: string;
  taskNo: number;
}

/** What a range gave: nothing is spooled when its bytes are not plain UTF-8 (the file is then read whole). */
export type ParsedLines =
  | { plain: false }
  | {
      plain: true;
      ids: string[];
      failures: FailedFile[];
      chars: number;
      controlChars: number;
      garbledPairs: number[];
      letters: number;
      /** Stray control characters taken out of the range's articles (raw ones and JSON-escaped ones). */
      repairedControls: number;
    };

export interface ParsedFile {
  relPath: string;
  ids: string[];
  failures: FailedFile[];
}

export interface BuildTask {
  kind: 'build';
  segment: number;
  cacheDir: string;
  /** The segment's previous files, and the ids of its articles that are gone or replaced. */
  old: { index: string; pack: string; removeIds: string[] } | null;
  spoolFiles: string[];
  out: { index: string; pack: string };
}

export interface BuiltSegment {
  docs: number;
  indexBytes: number;
  packBytes: number;
  packCrc: number;
  /** Articles of the old segment left out because their record in its pack was damaged (their files must be parsed again). */
  damagedIds: string[];
}

export type IndexTask = ParseTask | ParseLinesTask | BuildTask;

export type WorkerMessage =
  | { type: 'progress'; n: number }
  | { type: 'parsed'; metas: ArticleMeta[] }
  | { type: 'warning'; warning: FailedFile }
  | { type: 'result'; result: ParsedFile[] | ParsedLines | BuiltSegment }
  | { type: 'error'; message: string };
