import { describe, expect, it } from 'vitest';
import { formatTimeLeft } from '../../../renderer/src/lib/time-left.js';

describe('formatTimeLeft', () => {
  it('rounds as a person would say it, in the language with its plural forms', () => {
    expect(formatTimeLeft('en', 12_000)).toBe('15 seconds');
    expect(formatTimeLeft('en', 59_000)).toBe('1 minute');
    expect(formatTimeLeft('en', 150_000)).toBe('3 minutes');
    expect(formatTimeLeft('en', 3 * 3_600_000)).toBe('3 hours');
    expect(formatTimeLeft('ar', 61_000)).toBe('دقيقة');
    expect(formatTimeLeft('ar', 120_000)).toBe('دقيقتان');
    expect(formatTimeLeft('ar', 600_000)).toBe('١٠ دقائق');
  });
});
