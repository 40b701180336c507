import { describe, expect, it } from 'vitest';
import { runningText, type ConllToken } from '../../../src/entities/training-data.js';

const tokens = (line: string): ConllToken[] =>
  line.split(' ').map((pair) => {
    const [text, tag] = pair.split('/');
    return { text, tag: tag ?? 'O' };
  });

describe('runningText: a clitic-segmented corpus sentence written as Arabic is written', () => {
  it('re-joins split proclitics and enclitics', () => {
    const { text, spans } = runningText(tokens('ف هاجم الامويون/B-PER الموصل/B-GPE و سيطروا علي ها'), true);
    expect(text).toBe('فهاجم الامويون الموصل وسيطروا عليها');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['ف', 'هاجم', 'الامويون', 'الموصل', 'و', 'سيطروا', 'علي', 'ها']);
  });

  it('does not glue a token that begins a name to the word before it', () => {
    const { text, spans } = runningText(tokens('قال ه/B-PER'), true);
    expect(text).toBe('قال ه');
    expect(spans[1]).toEqual({ start: 4, end: 5 });
  });

  it('writes the tokens as given without re-joining', () => {
    expect(runningText(tokens('و سيطروا علي ها'), false).text).toBe('و سيطروا علي ها');
  });
});
