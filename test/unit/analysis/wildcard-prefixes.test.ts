import { describe, expect, it } from 'vitest';
import { queryTermsFor } from '../../../src/analysis/index.js';

describe('wildcard prefixes', () => {
  it('offers the stemmed prefix first, then the prefix as typed', () => {
    expect(queryTermsFor('الفلسطيني*', { wildcard: true })[0]).toBe('فلسطين');
    expect(queryTermsFor('بوت', { wildcard: true })).toContain('بوت');
    expect(queryTermsFor('في*', { wildcard: true })).toEqual(['في']);
  });
});
