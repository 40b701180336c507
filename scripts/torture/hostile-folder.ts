// The hostile archive folder of the torture script: every kind of file a user's folder may hold that once stalled,
// crashed or silently hid something, each with what indexing must make of it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Expectation =
  | { failed: RegExp } // listed in the report's failures with a reason matching this
  | { indexed: string; warning?: RegExp } // indexed under this article id (with a warning matching this)
  | { readOrRefused: true }; // either, as long as the run finishes

export interface FolderCase {
  name: string;
  path: string;
  expect: Expectation;
}

export const SEARCH_WORD = 'سوتشي';
export const SHOWN_ID = 'news/sochi.txt';

const ARABIC =
  'التقى الرئيس الروسي فلاديمير بوتين نظيره الأذربيجاني إلهام علييف في مدينة سوتشي المطلة على البحر الأسود، ' +
  'وبحث الرئيسان العلاقات الثنائية والتجارة بين البلدين والأوضاع في إقليم قره باغ.\n';

function article(title: string, body: string): string {
  return `${title}\n\nوكالة الاختبار\nسوتشي\nنشر في 26.11.2021 10:00\n\n${body}`;
}

/** Writes the folder under `root`; returns its cases. `outside` is a folder beside the archive. */
export function buildHostileFolder(root: string, outside: string): FolderCase[] {
  const cases: FolderCase[] = [];
  const put = (rel: string | Buffer, content: string | Buffer) => {
    const abs = typeof rel === 'string' ? join(root, rel) : Buffer.concat([Buffer.from(root + '/'), rel]);
    writeFileSync(abs, content);
  };
  mkdirSync(join(root, 'news'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  put(SHOWN_ID, article('بوتين وعلييف يلتقيان في سوتشي', ARABIC.repeat(3)));
  put('news/gas.txt', article('أذربيجان توقع اتفاقا للغاز', 'وقعت أذربيجان اتفاقا جديدا لتصدير الغاز إلى أوروبا عبر تركيا.\n'));
  cases.push({ name: 'ordinary article', path: SHOWN_ID, expect: { indexed: SHOWN_ID } });

  put('empty.txt', '');
  cases.push({ name: 'empty file', path: 'empty.txt', expect: { failed: /^empty file$/ } });

  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 3)) & 0xff;
  put('binary.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), noise]));
  cases.push({ name: 'binary file named .txt', path: 'binary.txt', expect: { failed: /binary or undecodable/ } });

  put('sparse.txt', '');
  truncateSync(join(root, 'sparse.txt'), 3 * 1024 ** 3);
  cases.push({ name: 'sparse 3 GB file', path: 'sparse.txt', expect: { failed: /file too large/ } });

  put('big.txt', Buffer.alloc(60 * 1024 * 1024, 0x61));
  cases.push({ name: '60 MB file', path: 'big.txt', expect: { failed: /file too large/ } });

  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  put('bomb.md', `---\n${bomb.join('\n')}\ntitle: عنوان\n---\nنص المقال\n`);
  cases.push({ name: 'YAML alias bomb in front matter', path: 'bomb.md', expect: { readOrRefused: true } });

  put('deep.json', '['.repeat(100_000) + ']'.repeat(100_000));
  cases.push({ name: '100,000-deep JSON', path: 'deep.json', expect: { failed: /./ } });

  put('deep.html', `<html><body>${'<div>'.repeat(100_000)}نص عميق في الصفحة${'</div>'.repeat(100_000)}</body></html>`);
  cases.push({ name: '100,000-deep HTML', path: 'deep.html', expect: { indexed: 'deep.html' } });

  mkdirSync(join(root, 'loop'));
  symlinkSync('..', join(root, 'loop', 'up'));
  cases.push({ name: 'symlink loop (folder to its parent)', path: 'loop/up', expect: { failed: /^symlink loop/ } });
  symlinkSync('self.txt', join(root, 'self.txt'));
  cases.push({ name: 'symlink to itself', path: 'self.txt', expect: { failed: /^symlink loop/ } });
  symlinkSync('nowhere.txt', join(root, 'broken.txt'));
  cases.push({ name: 'broken symlink', path: 'broken.txt', expect: { failed: /^broken symlink/ } });

  put(Buffer.from('caf\xe9.txt', 'latin1'), article('مقهى', 'نص عن مقهى في تونس.\n'));
  cases.push({ name: 'file name not valid UTF-8', path: 'caf\uFFFD.txt', expect: { indexed: 'caf\uFFFD.txt' } });
  put('line\nbreak.txt', article('سطر', 'اسم ملف فيه سطر جديد.\n'));
  cases.push({ name: 'file name with a newline', path: 'line\nbreak.txt', expect: { indexed: 'line\nbreak.txt' } });
  put('-rf.txt', article('شرطة', 'اسم ملف يبدأ بشرطة.\n'));
  cases.push({ name: 'file name starting with a dash', path: '-rf.txt', expect: { indexed: '-rf.txt' } });
  const longName = `${'مقال'.repeat(29)}.txt`; // 236 bytes
  put(longName, article('اسم طويل', 'اسم ملف طويل جدا.\n'));
  cases.push({ name: 'long Arabic file name (236 bytes)', path: longName, expect: { indexed: longName } });

  execFileSync('mkfifo', [join(root, 'pipe.txt')]);
  cases.push({ name: 'named pipe (FIFO) named .txt', path: 'pipe.txt', expect: { failed: /^named pipe/ } });
  try {
    execFileSync('mknod', [join(root, 'device.txt'), 'c', '1', '3'], { stdio: 'ignore' });
    cases.push({ name: 'device file named .txt', path: 'device.txt', expect: { failed: /^device file/ } });
  } catch {
    // Not allowed to create device files here (not root): that case is left out of the table.
  }

  symlinkSync('/etc/passwd', join(root, 'passwd.txt'));
  cases.push({ name: 'symlink to /etc/passwd', path: 'passwd.txt', expect: { failed: /^symlink leads outside the archive/ } });
  writeFileSync(join(outside, 'private.txt'), 'ملف خاص خارج الأرشيف');
  symlinkSync(outside, join(root, 'elsewhere'));
  cases.push({ name: 'symlinked folder outside the archive', path: 'elsewhere', expect: { failed: /^symlink leads outside the archive/ } });

  put('saudi.txt', article('خبر من صحيفة سعودية', `الرياض 12 مارس 2021${'\u001a'.repeat(26)}\n${ARABIC.repeat(16)}`));
  cases.push({ name: 'scraped article with 26 U+001A', path: 'saudi.txt', expect: { indexed: 'saudi.txt', warning: /stray control characters removed/ } });
  put('padded.txt', Buffer.concat([Buffer.from(article('نص مبطن', ARABIC.repeat(16))), Buffer.alloc(64)]));
  cases.push({ name: 'text padded with NUL bytes', path: 'padded.txt', expect: { indexed: 'padded.txt', warning: /stray control/ } });
  const flipped = Buffer.from(article('بايت تالف', ARABIC.repeat(6)));
  flipped[200] = 0xff;
  put('flipped-byte.txt', flipped);
  cases.push({ name: 'UTF-8 article with one damaged byte', path: 'flipped-byte.txt', expect: { indexed: 'flipped-byte.txt', warning: /undecodable/ } });
  return cases;
}

/** One article of about `mb` megabytes of varied Arabic news text, full of names (what stalled the entity merge). */
export function largeArticle(mb: number): string {
  const names = ['بوتين', 'علييف', 'باشينيان', 'أردوغان', 'ماكرون', 'سوتشي', 'باكو', 'يريفان', 'أنقرة', 'الأمم المتحدة'];
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const line = `وقال ${names[i % 10]} في ${names[(i * 3 + 5) % 10]} يوم ${1 + (i % 28)} مارس ${2000 + (i % 24)} إن ${names[(i * 7 + 1) % 10]} سيزور ${names[(i + 4) % 10]} قريبا، وفق مراسل ${i}.\n`;
    parts.push(line);
    size += Buffer.byteLength(line);
  }
  return article('مقال طويل جدا', parts.join(''));
}
