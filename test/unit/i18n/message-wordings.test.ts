import { describe, expect, it } from 'vitest';
import { FAILURE_CODES, PROGRESS_MESSAGE_CODES, QUERY_MESSAGE_CODES, type Message } from '../../../src/messages/message.js';
import { englishText } from '../../../src/messages/english.js';
import { splitRuns } from '../../../renderer/src/lib/isolates.js';
import { messageText } from '../../../renderer/src/lib/message-wordings.js';
import { parseQuery } from '../../../src/search/query-parser.js';

const ALL_CODES = [...FAILURE_CODES, ...QUERY_MESSAGE_CODES, ...PROGRESS_MESSAGE_CODES];
const SAMPLE_PARAMS = {
  detail: 'Unexpected token } in JSON at position 4',
  errno: 'EACCES',
  reason: 'permission-denied',
  found: 'array',
  size: 3 * 1024 * 1024,
  limit: 1024 * 1024,
  target: '/home/user/archive',
  first: 'real',
  part: 'text',
  text: 'abc',
  operator: '-',
  field: 'after',
  value: 'yesterday',
  asked: 5,
  max: 2,
  path: 'news/a.jsonl',
  done: 3,
  total: 12,
};
const LATIN = /\p{Script=Latin}/u;

/** The interface words of a worded message: everything outside the isolated syntax and user text. */
const interfaceWords = (text: string) =>
  splitRuns(text)
    .filter((r) => r.kind === 'text')
    .map((r) => r.text)
    .join('');

describe('engine messages worded in the interface language', () => {
  it('words every code in Arabic with no Latin letter outside isolated syntax and user text', () => {
    for (const code of ALL_CODES) {
      const text = messageText({ lang: 'ar' }, { code, params: SAMPLE_PARAMS });
      expect(text, code).not.toBe(code);
      expect(interfaceWords(text), code).not.toMatch(LATIN);
      expect(interfaceWords(text), code).toMatch(/\p{Script=Arabic}/u);
    }
  });

  it('words the query messages of the issue in Arabic', () => {
    const ar = (m: Message<string>) => messageText({ lang: 'ar' }, m);
    expect(ar({ code: 'only-common-words' })).toBe('لا شيء يُبحث عنه: كلمات البحث كلها كلمات شائعة (مثل «في» و«من»).');
    expect(ar(parseQuery('بوتين "قره باغ').messages[0])).toBe('علامة التنصيص الختامية ناقصة: قُرئ باقي البحث عبارةً واحدة.');
    const lone = splitRuns(ar(parseQuery('بوتين -').messages[0]));
    expect(lone.filter((r) => r.kind !== 'text').map((r) => r.text)).toEqual(['-', '-كلمة', '+كلمة']);
    const field = splitRuns(ar(parseQuery('title:').messages[0]));
    expect(field.filter((r) => r.kind === 'ltr').map((r) => r.text)).toEqual(['title:', 'title:كلمة']);
  });

  it('words file failures with sizes and numbers in the interface digits', () => {
    const tooLarge = { code: 'too-large', params: { size: 3 * 1024 * 1024, limit: 1024 * 1024 } } as const;
    expect(messageText({ lang: 'ar' }, tooLarge)).toMatch(/^ملف كبير جدًا \(٣ .+؛ الحد ١ .+\)$/);
    expect(messageText({ lang: 'ar', latinDigits: true }, tooLarge)).toMatch(/\(3 .+؛ الحد 1 .+\)/);
    expect(messageText({ lang: 'en' }, tooLarge)).toBe('file too large (3 MB; limit 1 MB)');
  });

  it('keeps the CLI in plain English, without isolate characters', () => {
    for (const code of ALL_CODES) {
      const text = englishText({ code, params: SAMPLE_PARAMS });
      expect(text, code).not.toMatch(/[\u2066-\u2069]/);
      expect(text.length, code).toBeGreaterThan(0);
    }
    expect(englishText({ code: 'folder-unreadable', params: { reason: 'permission-denied', errno: 'EACCES' } })).toBe(
      'cannot open folder: permission denied (EACCES)',
    );
    expect(englishText({ code: 'too-large', params: { size: 2048, limit: 1024 } })).toBe('file too large (2 KB; limit 1 KB)');
    expect(englishText({ code: 'lone-operator', params: { operator: '-' } })).toBe(
      'A lone “-” was ignored: put it right before a word, like -word or +word.',
    );
  });

  it('shows an unknown code (from a newer engine) as the code rather than failing', () => {
    expect(messageText({ lang: 'ar' }, { code: 'some-new-code' })).toBe('some-new-code');
  });
});

describe('English counts in the CLI', () => {
  it('says 1 result, 2 results', async () => {
    const { countInEnglish } = await import('../../../src/messages/english.js');
    expect(countInEnglish(1, 'result')).toBe('1 result');
    expect(countInEnglish(0, 'result')).toBe('0 results');
    expect(countInEnglish(2, 'article')).toBe('2 articles');
  });
});
