// The application menu, in Arabic or English to follow the UI language. Electron-free apart from the type:
// index.ts passes the template to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { UiLanguage, UiTheme } from './app-state.js';

export interface MenuActions {
  openArchive(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  reindex(): void;
  openSampleArchive(): void;
  setTheme(theme: UiTheme): void;
  setLanguage(language: UiLanguage): void;
  openDataFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  language: UiLanguage;
  theme: UiTheme;
  recentArchives: readonly string[];
  isMac: boolean;
  /** Adds reload and developer tools (development builds only). */
  developer?: boolean;
}

const LABELS = {
  ar: {
    appName: 'قارئ الأرشيف',
    file: 'ملف',
    openArchive: 'فتح أرشيف…',
    openRecent: 'الأرشيفات الأخيرة',
    noRecent: 'لا أرشيفات حديثة',
    clearRecent: 'مسح القائمة',
    reindex: 'إعادة الفهرسة',
    openSample: 'فتح الأرشيف النموذجي',
    quit: 'خروج',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    view: 'عرض',
    theme: 'المظهر',
    themeLight: 'فاتح',
    themeDark: 'داكن',
    themeSepia: 'بني',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    resetZoom: 'الحجم الأصلي',
    fullScreen: 'ملء الشاشة',
    language: 'اللغة',
    reload: 'إعادة التحميل',
    devTools: 'أدوات المطوّر',
    help: 'مساعدة',
    about: 'حول قارئ الأرشيف',
    dataFolder: 'فتح مجلد بيانات التطبيق',
    hide: 'إخفاء قارئ الأرشيف',
    window: 'نافذة',
    minimize: 'تصغير النافذة',
    close: 'إغلاق النافذة',
  },
  en: {
    appName: 'Archive Reader',
    file: 'File',
    openArchive: 'Open Archive…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Archives',
    clearRecent: 'Clear Recent',
    reindex: 'Reindex',
    openSample: 'Open Sample Archive',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    theme: 'Theme',
    themeLight: 'Light',
    themeDark: 'Dark',
    themeSepia: 'Sepia',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    language: 'Language',
    reload: 'Reload',
    devTools: 'Developer Tools',
    help: 'Help',
    about: 'About Archive Reader',
    dataFolder: 'Open App Data Folder',
    hide: 'Hide Archive Reader',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type MenuLabels = (typeof LABELS)[UiLanguage];

export function menuLabels(language: UiLanguage): MenuLabels {
  return LABELS[language];
}

/** The UI language for a list of preferred system languages (BCP 47), Arabic when Arabic comes first. */
export function languageFromLocales(locales: readonly string[]): UiLanguage {
  for (const locale of locales) {
    const primary = locale.toLowerCase().split(/[-_]/)[0];
    if (primary === 'ar') return 'ar';
    if (primary === 'en') return 'en';
  }
  return 'ar';
}

export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = LABELS[options.language];
  const recent: MenuItemConstructorOptions[] =
    options.recentArchives.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : [
          ...options.recentArchives.map((path) => ({ label: path, click: () => actions.openRecent(path) })),
          { type: 'separator' as const },
          { label: t.clearRecent, click: () => actions.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.openArchive, accelerator: 'CmdOrCtrl+O', click: () => actions.openArchive() },
      { label: t.openRecent, submenu: recent },
      { label: t.openSample, click: () => actions.openSampleArchive() },
      { type: 'separator' },
      { label: t.reindex, accelerator: 'CmdOrCtrl+Shift+R', click: () => actions.reindex() },
      ...(options.isMac ? [] : [{ type: 'separator' as const }, { label: t.quit, role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { label: t.undo, role: 'undo' },
      { label: t.redo, role: 'redo' },
      { type: 'separator' },
      { label: t.cut, role: 'cut' },
      { label: t.copy, role: 'copy' },
      { label: t.paste, role: 'paste' },
      { label: t.selectAll, role: 'selectAll' },
    ],
  };

  const themeItem = (theme: UiTheme, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: options.theme === theme,
    click: () => actions.setTheme(theme),
  });
  const languageItem = (language: UiLanguage, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: options.language === language,
    click: () => actions.setLanguage(language),
  });

  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.theme, submenu: [themeItem('light', t.themeLight), themeItem('dark', t.themeDark), themeItem('sepia', t.themeSepia)] },
      { label: t.language, submenu: [languageItem('ar', 'العربية'), languageItem('en', 'English')] },
      { type: 'separator' },
      { label: t.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { label: t.zoomOut, role: 'zoomOut' },
      { label: t.resetZoom, role: 'resetZoom' },
      { type: 'separator' },
      { label: t.fullScreen, role: 'togglefullscreen' },
      ...(options.developer
        ? [{ type: 'separator' as const }, { label: t.reload, role: 'reload' as const }, { label: t.devTools, role: 'toggleDevTools' as const }]
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: [
      { label: t.about, click: () => actions.showAbout() },
      { label: t.dataFolder, click: () => actions.openDataFolder() },
    ],
  };

  const template: MenuItemConstructorOptions[] = [file, edit, view];
  if (options.isMac) {
    template.unshift({
      label: t.appName,
      submenu: [
        { label: t.about, click: () => actions.showAbout() },
        { type: 'separator' },
        { label: t.hide, role: 'hide' },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    });
    template.push({ label: t.window, role: 'window', submenu: [{ label: t.minimize, role: 'minimize' }, { label: t.close, role: 'close' }] });
  }
  template.push(help);
  return template;
}
