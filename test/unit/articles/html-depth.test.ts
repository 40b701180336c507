import { describe, expect, it } from 'vitest';
import { flattenDeepHtml } from '../../../src/articles/html-depth.js';

describe('flattenDeepHtml', () => {
  it('leaves a page within the depth limit as it is', () => {
    const page = '<html><body><div><p>نص <b>عريض</b><br>سطر</p><img src="x"/></div></body></html>';
    expect(flattenDeepHtml(page, 5)).toBe(page);
  });

  it('drops only the tags nested deeper than the limit, keeping their text and void elements', () => {
    const page = `<html><body>${'<div>'.repeat(5)}نص<br>آخر${'</div>'.repeat(5)}</body></html>`;
    expect(flattenDeepHtml(page, 4)).toBe('<html><body><div><div>نص<br>آخر</div></div></body></html>');
  });
});
