// Electron main process: wires the engine, the app:// protocol, the security guards, IPC, the menu and the
// persisted state to Electron. The decisions themselves live in the small modules next to this file.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArchiveApi, ArchiveStatus } from '../src/api.js';
import { createArchiveApp, type ArchiveApp } from '../src/app.js';
import { ArchiveEngine } from '../src/engine/archive-engine.js';
import { loadState, saveState, withArchiveOpened, type AppState, type UiLanguage, type UiTheme } from './app-state.js';
import { CHANNELS } from './ipc-channels.js';
import { createArchiveCallHandler, guardShellHandler, messageOf } from './ipc-guard.js';
import { buildMenuTemplate, languageFromLocales, menuLabels, type MenuActions } from './menu-template.js';
import { decideNavigation, decideWindowOpen, isAppUrl, isSafeExternalUrl } from './navigation-guard.js';
import { APP_INDEX_URL, APP_SCHEME, resolveRequestFile, responseHeaders, CONTENT_SECURITY_POLICY } from './protocol-path.js';
import { existingFolders, folderExists } from './recent-archives.js';
import { createSaveExport } from './save-export.js';
import { applySettingScript, parseUiState, READ_UI_STATE_SCRIPT } from './renderer-settings.js';
import { archiveFromArgv, ensureSampleCopy, startupCandidates } from './startup-archive.js';
import { captureState, MIN_SIZE, restoreBounds } from './window-state.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '../renderer');
const preloadScript = join(here, '../preload/index.cjs');

// One per-user folder for Electron and for browser mode (scripts/start.mjs): XDG_CONFIG_HOME/archive-reader.
app.setName('Archive Reader');
app.setPath('userData', join(app.getPath('appData'), 'archive-reader'));
const stateFile = join(app.getPath('userData'), 'state.json');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

let state: AppState = loadState(stateFile);
let api: ArchiveApp | undefined;
let mainWindow: BrowserWindow | undefined;
let language: UiLanguage = state.language ?? 'ar';

function log(message: string): void {
  process.stderr.write(`archive-reader: ${message}\n`);
}

function persist(update: (s: AppState) => AppState): void {
  state = update(state);
  try {
    saveState(stateFile, state);
  } catch (err) {
    log(`could not save ${stateFile}: ${messageOf(err)}`);
  }
}

function bundledSampleArchive(): string {
  return app.isPackaged ? join(process.resourcesPath, 'sample-archive') : join(app.getAppPath(), 'assets', 'sample-archive');
}

function sampleArchive(): string {
  return ensureSampleCopy(bundledSampleArchive(), join(app.getPath('userData'), 'sample-archive'));
}

function requireApi(): ArchiveApi {
  if (!api) throw new Error('the archive engine is still starting');
  return api;
}

function rememberArchive(status: ArchiveStatus | undefined, requested: string): void {
  const root = status?.root ?? requested;
  persist((s) => withArchiveOpened(s, root));
  refreshMenu();
}

// ---- app:// protocol: the built renderer, nothing else ----

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const denied = (status: number, text: string) =>
      new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return denied(405, 'method not allowed');
    const resolved = await resolveRequestFile(request.url, rendererRoot);
    if (!resolved.ok) {
      if (resolved.status !== 404) log(`refused ${request.url}: ${resolved.reason}`);
      return denied(resolved.status, resolved.reason);
    }
    const body = request.method === 'HEAD' ? null : await readFile(resolved.file);
    return new Response(body, { status: 200, headers: responseHeaders(resolved.file) });
  });
}

// ---- security: navigation, new windows, permissions, remote requests ----

function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url).catch((err) => log(`could not open ${url}: ${messageOf(err)}`));
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app is offline: nothing it loads may come from the network.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) => {
    log(`blocked network request: ${details.url}`);
    callback({ cancel: true });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      const decision = decideNavigation(event.url);
      if (decision === 'allow') return;
      event.preventDefault();
      if (decision === 'external') openExternally(event.url);
    });
    contents.on('will-frame-navigate', (event) => {
      // Sub-frames never leave the app; the main frame is handled by will-navigate above.
      if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (decideWindowOpen(url) === 'external') openExternally(url);
      return { action: 'deny' };
    });
  });
}

// ---- IPC ----

function registerIpc(): void {
  const onRejected = (reason: string) => log(`refused IPC: ${reason}`);
  ipcMain.handle(
    CHANNELS.archiveCall,
    createArchiveCallHandler({
      api: requireApi,
      onRejected,
      onCalled: (method, arg, result) => {
        if (method === 'openArchive') rememberArchive(result as ArchiveStatus, (arg as { path: string }).path);
      },
    }),
  );
  ipcMain.handle(CHANNELS.pickFolder, guardShellHandler(pickFolder, onRejected));
  ipcMain.handle(
    CHANNELS.recentArchives,
    guardShellHandler(async () => existingFolders(state.recentArchives), onRejected),
  );
  ipcMain.handle(
    CHANNELS.openExternal,
    guardShellHandler(async (url: unknown) => {
      if (typeof url !== 'string' || !isSafeExternalUrl(url)) throw new Error('only http, https and mailto links open outside the app');
      await shell.openExternal(url);
    }, onRejected),
  );
  ipcMain.handle(
    CHANNELS.saveExport,
    guardShellHandler(
      createSaveExport({
        showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
        writeFile: (path, content) => writeFile(path, content, 'utf8'),
        downloadsFolder: () => app.getPath('downloads'),
      }),
      onRejected,
    ),
  );
  ipcMain.handle(
    CHANNELS.setLanguage,
    guardShellHandler(async (value: unknown) => {
      if (value !== 'ar' && value !== 'en') throw new Error("language must be 'ar' or 'en'");
      setLanguage(value);
    }, onRejected),
  );
}

async function pickFolder(): Promise<string | null> {
  const options = { title: menuLabels(language).openArchive.replace('…', ''), properties: ['openDirectory' as const] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

// ---- menu ----

async function openArchiveFromMenu(path: string): Promise<void> {
  if (!folderExists(path)) {
    dialog.showErrorBox(menuLabels(language).appName, `${path}: not found`);
    return;
  }
  try {
    const status = await requireApi().openArchive({ path });
    rememberArchive(status, path);
    mainWindow?.webContents.reload();
  } catch (err) {
    dialog.showErrorBox(menuLabels(language).appName, messageOf(err));
  }
}

/** Records the UI language (the menu follows it). */
function setLanguage(value: UiLanguage): void {
  if (value === language && state.language === value) return;
  language = value;
  persist((s) => ({ ...s, language: value }));
  refreshMenu();
}

function setTheme(theme: UiTheme): void {
  // Native parts (dialogs, scrollbars, title bar) follow the reader's theme.
  nativeTheme.themeSource = theme === 'dark' ? 'dark' : 'light';
  if (state.theme === theme) return;
  persist((s) => ({ ...s, theme }));
  refreshMenu();
}

/** Changes a reader preference from the menu: the page stores it and reloads. */
function applyToPage(change: { lang: UiLanguage } | { theme: UiTheme }): void {
  void mainWindow?.webContents.executeJavaScript(applySettingScript(change), false).catch((err) => log(`could not apply ${JSON.stringify(change)}: ${messageOf(err)}`));
}

/** Checks the menu's Language and Theme items against what the page shows. */
function syncFromPage(win: BrowserWindow): void {
  win.webContents
    .executeJavaScript(READ_UI_STATE_SCRIPT, false)
    .then((value: unknown) => {
      const ui = parseUiState(value);
      if (ui.language) setLanguage(ui.language);
      if (ui.theme) setTheme(ui.theme);
    })
    .catch(() => undefined);
}

const menuActions: MenuActions = {
  openArchive: () => {
    void pickFolder().then((path) => (path ? openArchiveFromMenu(path) : undefined));
  },
  openRecent: (path) => void openArchiveFromMenu(path),
  clearRecent: () => {
    persist((s) => ({ ...s, recentArchives: [] }));
    refreshMenu();
  },
  reindex: () => {
    if (!api) return;
    api.reindex().catch((err: unknown) => dialog.showErrorBox(menuLabels(language).appName, messageOf(err)));
    // The renderer shows indexing progress from getStatus when it loads.
    mainWindow?.webContents.reload();
  },
  openSampleArchive: () => void openArchiveFromMenu(sampleArchive()),
  setTheme: (theme) => {
    setTheme(theme);
    applyToPage({ theme });
  },
  setLanguage: (value) => {
    setLanguage(value);
    applyToPage({ lang: value });
  },
  openDataFolder: () => void shell.openPath(app.getPath('userData')),
  showAbout: () => {
    const t = menuLabels(language);
    const options = {
      type: 'info' as const,
      title: t.about,
      message: `${t.appName} ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  },
};

function refreshMenu(): void {
  const template = buildMenuTemplate(
    {
      language,
      theme: state.theme ?? 'light',
      recentArchives: existingFolders(state.recentArchives),
      isMac: process.platform === 'darwin',
      developer: !app.isPackaged,
    },
    menuActions,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// ---- window ----

function createWindow(): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const win = new BrowserWindow({
    ...restoreBounds(state.window, workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Archive Reader',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    icon: app.isPackaged ? undefined : join(app.getAppPath(), 'assets', 'icons', 'icon.png'),
    webPreferences: {
      preload: preloadScript,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  if (state.window?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // Shown anyway if the page is slow to paint (a blank window beats an invisible app).
  setTimeout(() => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  }, 5_000).unref();
  const saveWindow = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    persist((s) => ({ ...s, window: captureState(win.getNormalBounds(), win.isMaximized()) }));
  };
  let saveTimer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveWindow, 1_000);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    saveWindow();
  });
  // The renderer retitles the page when its language changes: follow it (and its theme) in the menu.
  win.webContents.on('did-finish-load', () => syncFromPage(win));
  win.on('page-title-updated', () => syncFromPage(win));
  win.webContents.on('render-process-gone', (_e, details) => {
    log(`renderer exited (${details.reason}); reloading`);
    if (details.reason !== 'clean-exit' && !win.isDestroyed()) win.webContents.reload();
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

// ---- life cycle ----

async function start(): Promise<void> {
  await app.whenReady();
  language = state.language ?? languageFromLocales(app.getPreferredSystemLanguages());
  if (state.theme) nativeTheme.themeSource = state.theme === 'dark' ? 'dark' : 'light';
  hardenSessions();
  registerAppProtocol();
  registerIpc();
  refreshMenu();

  const fromArgv = archiveFromArgv(process.argv, { isPackaged: app.isPackaged, appPath: app.getAppPath(), cwd: process.cwd() });
  let engine: ArchiveEngine | undefined;
  // The folder asked for, else the last one, else the sample: the first of these that opens.
  for (const candidate of startupCandidates(fromArgv, state.lastArchive, sampleArchive)) {
    try {
      // Opening reads the saved index (if any) and brings it up to date in the background, in worker threads.
      engine = await ArchiveEngine.open({ root: candidate.path });
      log(`opened ${candidate.path} (${candidate.reason})`);
      rememberArchive(await engine.getStatus(), candidate.path);
      break;
    } catch (err) {
      log(`could not open ${candidate.path} (${candidate.reason}): ${messageOf(err)}`);
    }
  }
  try {
    engine ??= await ArchiveEngine.open({});
  } catch (fatal) {
    dialog.showErrorBox('Archive Reader', `The archive engine could not start: ${messageOf(fatal)}`);
    app.exit(1);
    return;
  }
  api = createArchiveApp(engine);
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = undefined));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, cwd) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    const folder = archiveFromArgv(argv, { isPackaged: app.isPackaged, appPath: app.getAppPath(), cwd });
    if (folder) void openArchiveFromMenu(folder);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && api) mainWindow = createWindow();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (!api || closing) return;
    event.preventDefault();
    closing = true;
    api
      .close()
      .catch((err: unknown) => log(`closing the archive: ${messageOf(err)}`))
      .finally(() => {
        api = undefined;
        app.quit();
      });
  });
  start().catch((err) => {
    log(`failed to start: ${messageOf(err)}`);
    app.exit(1);
  });
}
