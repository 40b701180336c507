import { describe, expect, it } from 'vitest';
import { nameForm } from '../../../src/analysis/index.js';

describe('nameForm: one reading for the clitic forms of a name', () => {
  it('folds attached و ف ب ل ك and لل into the bare name, the article kept', () => {
    const un = nameForm('الأمم المتحدة');
    expect(un.folded).toBe(0);
    for (const form of ['للأمم المتحدة', 'والأمم المتحدة', 'بالأمم المتحدة', 'الامم المتحدة']) expect(nameForm(form).form).toBe(un.form);
    expect(nameForm('للأمم المتحدة').folded).toBe(1);
    for (const form of ['وبرشلونة', 'لبرشلونة', 'ببرشلونة']) expect(nameForm(form).form).toBe(nameForm('برشلونة').form);
    expect(nameForm('لبوتين')).toEqual({ form: nameForm('بوتين').form, folded: 1 });
    expect(nameForm('للجزائر').form).toBe(nameForm('الجزائر').form);
  });

  it('cuts nothing from the end, and nothing from the words after the first', () => {
    expect(nameForm('الجزائرية').form).not.toBe(nameForm('الجزائر').form);
    expect(nameForm('تونس').form).not.toBe(nameForm('التونسية').form);
    expect(nameForm('عبد المجيد تبون').form).toBe('عبد المجيد تبون');
  });
});
