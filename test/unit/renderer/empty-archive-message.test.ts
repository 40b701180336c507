import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/lib/i18n.js';

describe('empty archive message', () => {
  it('lists the formats read, from the format registry, in both languages', () => {
    expect(translate('en', 'emptyArchive')).toBe('No articles were found in this folder (.txt, .md, .html, .json and .jsonl files are read).');
    expect(translate('ar', 'emptyArchive')).toBe(
      'لم يُعثر على مقالات في هذا المجلد (تُقرأ ملفات \u200e.txt و\u200e.md و\u200e.html و\u200e.json و\u200e.jsonl).',
    );
  });
});
