import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, languageFromLocales, type MenuActions, type MenuOptions } from '../../../main/menu-template.js';

function actions(): MenuActions {
  return {
    openArchive: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    reindex: vi.fn(),
    openSampleArchive: vi.fn(),
    setTheme: vi.fn(),
    setLanguage: vi.fn(),
    openDataFolder: vi.fn(),
    showAbout: vi.fn(),
  };
}

const base: MenuOptions = { language: 'ar', theme: 'light', recentArchives: [], isMac: false };

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  expect(menu, `menu ${label}`).toBeDefined();
  return menu!.submenu as MenuItemConstructorOptions[];
}

function item(list: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = list.find((m) => m.label === label);
  expect(found, `item ${label}`).toBeDefined();
  return found!;
}

function click(entry: MenuItemConstructorOptions): void {
  (entry.click as () => void)();
}

function allLabels(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((m) => [m.label ?? '', ...(Array.isArray(m.submenu) ? allLabels(m.submenu) : [])]).filter(Boolean);
}

describe('menu in Arabic', () => {
  it('has File, Edit, View and Help with Arabic labels and working actions', () => {
    const a = actions();
    const template = buildMenuTemplate({ ...base, recentArchives: ['/home/u/أرشيف', '/home/u/old'] }, a);
    expect(template.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة']);

    const file = items(template, 'ملف');
    const open = item(file, 'فتح أرشيف…');
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    click(open);
    expect(a.openArchive).toHaveBeenCalledTimes(1);

    const recent = item(file, 'الأرشيفات الأخيرة').submenu as MenuItemConstructorOptions[];
    click(item(recent, '/home/u/أرشيف'));
    expect(a.openRecent).toHaveBeenCalledWith('/home/u/أرشيف');
    click(item(recent, 'مسح القائمة'));
    expect(a.clearRecent).toHaveBeenCalled();

    click(item(file, 'إعادة الفهرسة'));
    expect(a.reindex).toHaveBeenCalled();
    expect(item(file, 'خروج').role).toBe('quit');

    const view = items(template, 'عرض');
    const themes = item(view, 'المظهر').submenu as MenuItemConstructorOptions[];
    expect(themes.map((t) => [t.label, t.checked])).toEqual([
      ['فاتح', true],
      ['داكن', false],
      ['بني', false],
    ]);
    click(item(themes, 'داكن'));
    expect(a.setTheme).toHaveBeenCalledWith('dark');
    expect(item(view, 'تكبير').role).toBe('zoomIn');
    expect(item(view, 'تصغير').role).toBe('zoomOut');
    expect(item(view, 'الحجم الأصلي').role).toBe('resetZoom');

    const languages = item(view, 'اللغة').submenu as MenuItemConstructorOptions[];
    expect(item(languages, 'العربية').checked).toBe(true);
    click(item(languages, 'English'));
    expect(a.setLanguage).toHaveBeenCalledWith('en');

    click(item(items(template, 'مساعدة'), 'حول قارئ الأرشيف'));
    expect(a.showAbout).toHaveBeenCalled();
  });

  it('shows a disabled placeholder when there are no recent archives', () => {
    const file = items(buildMenuTemplate(base, actions()), 'ملف');
    const recent = item(file, 'الأرشيفات الأخيرة').submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'لا أرشيفات حديثة', enabled: false }]);
  });

  it('contains no English label apart from the language name', () => {
    const labels = allLabels(buildMenuTemplate({ ...base, recentArchives: [] }, actions()));
    expect(labels.filter((l) => /[A-Za-z]/.test(l))).toEqual(['English']);
  });
});

describe('menu in English', () => {
  it('uses English labels with the same structure and actions', () => {
    const a = actions();
    const ar = buildMenuTemplate({ ...base, theme: 'sepia' }, actions());
    const en = buildMenuTemplate({ ...base, language: 'en', theme: 'sepia' }, a);
    expect(en.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(allLabels(en)).toHaveLength(allLabels(ar).length);
    const file = items(en, 'File');
    click(item(file, 'Open Archive…'));
    click(item(file, 'Open Sample Archive'));
    click(item(file, 'Reindex'));
    expect(a.openArchive).toHaveBeenCalled();
    expect(a.openSampleArchive).toHaveBeenCalled();
    expect(a.reindex).toHaveBeenCalled();
    const view = items(en, 'View');
    expect((item(view, 'Theme').submenu as MenuItemConstructorOptions[]).find((t) => t.checked)?.label).toBe('Sepia');
    expect(item(item(view, 'Language').submenu as MenuItemConstructorOptions[], 'English').checked).toBe(true);
  });

  it('puts the app menu first on macOS and leaves Quit there', () => {
    const en = buildMenuTemplate({ ...base, language: 'en', isMac: true }, actions());
    expect(en.map((m) => m.label)).toEqual(['Archive Reader', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(items(en, 'File').some((m) => m.role === 'quit')).toBe(false);
    expect(items(en, 'Archive Reader').some((m) => m.role === 'quit')).toBe(true);
  });

  it('offers developer tools only in development builds', () => {
    const roles = (t: MenuItemConstructorOptions[]) => items(t, 'View').map((m) => m.role);
    expect(roles(buildMenuTemplate({ ...base, language: 'en' }, actions()))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ ...base, language: 'en', developer: true }, actions()))).toContain('toggleDevTools');
  });
});

describe('languageFromLocales', () => {
  it('follows the first Arabic or English system language, Arabic by default', () => {
    expect(languageFromLocales(['ar-EG', 'en-US'])).toBe('ar');
    expect(languageFromLocales(['en-GB', 'ar'])).toBe('en');
    expect(languageFromLocales(['fr-FR', 'en-US'])).toBe('en');
    expect(languageFromLocales(['fr-FR'])).toBe('ar');
    expect(languageFromLocales([])).toBe('ar');
  });
});
