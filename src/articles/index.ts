// The articles module: finding and reading a user's saved articles. Pure Node (fs, no DOM globals), safe to
// call from worker threads; nothing in the user's folder is ever written, and a user's data never throws.
export { scanArchive, walkArchive, type ArchiveFile, type ScanEntry, type ScanOptions, type ScanResult } from './scan-archive.js';
export {
  parseArticleFile,
  parseArticleBuffer,
  readArticleFile,
  readArticleFileSync,
  parseReadFile,
  DEFAULT_MAX_BYTES,
  type ParseOptions,
  type ParseResult,
  type ReadFileResult,
} from './parse-file.js';
export { decodeText, type Decoded } from './decode.js';
export { ARTICLE_EXTENSIONS, articleFormatOf } from './formats.js';
