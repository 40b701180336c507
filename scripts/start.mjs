#!/usr/bin/env node
// `npm start [-- FOLDER] [--browser] [--no-window] [--port N]`: the desktop app on FOLDER, on the last archive,
// or on a copy of the bundled sample archive the first time. Builds whatever is missing or out of date first.
// Where the Electron runtime is not installed, it says so in one line and runs browser mode instead
// (`archive-reader serve`), opening a Chromium app window when Chromium and a display are available.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime } from '../main/electron-runtime.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const URL_PATTERN = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/;
const URL_LINE = new RegExp(`^\\s*${URL_PATTERN.source}\\s*$`);
const SERVER_START_TIMEOUT_MS = 120_000;
const STATUS_POLL_MS = 3_000;
/** A Chromium that exits sooner than this handed its window to another instance rather than being closed. */
const HANDOFF_MS = 3_000;

// ---- arguments ----

function parseArgs(argv) {
  const opts = { folder: undefined, browser: false, window: true, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') opts.browser = true;
    else if (a === '--no-window') opts.window = false;
    else if (a === '--port') opts.port = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: npm start [-- FOLDER] [--browser] [--no-window] [--port N]');
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`, 2);
    else if (opts.folder === undefined) opts.folder = resolve(process.env.INIT_CWD ?? process.cwd(), a);
    else fail(`only one archive folder can be opened (got ${opts.folder} and ${a})`, 2);
  }
  if (opts.port !== undefined && !/^\d{1,5}$/.test(opts.port)) fail(`--port needs a number, got ${opts.port}`, 2);
  if (opts.folder !== undefined && !isFolder(opts.folder)) fail(`${opts.folder} is not a folder`, 2);
  return opts;
}

function fail(message, code = 1) {
  console.error(`archive-reader: ${message}`);
  process.exit(code);
}

function isFolder(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// ---- per-user state, shared with the Electron app (main/app-state.ts) ----

/** Electron's app.getPath('appData') for this platform, plus the app's folder name. */
function userDataDir() {
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME || join(homedir(), '.config'));
  return join(base, 'archive-reader');
}

const dataDir = userDataDir();
const stateFile = join(dataDir, 'state.json');

function loadState() {
  try {
    const raw = JSON.parse(readFileSync(stateFile, 'utf8'));
    return raw && typeof raw === 'object' ? raw : {};
  } catch {
    return {};
  }
}

function rememberArchive(path) {
  const state = loadState();
  if (state.lastArchive === path) return;
  const recent = Array.isArray(state.recentArchives) ? state.recentArchives.filter((p) => typeof p === 'string' && p !== path) : [];
  const next = { ...state, lastArchive: path, recentArchives: [path, ...recent].slice(0, 10) };
  try {
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2) + '\n');
    renameSync(tmp, stateFile);
  } catch (err) {
    console.error(`archive-reader: could not save ${stateFile}: ${err.message}`);
  }
}

/** A writable copy of the bundled sample archive (its index and annotations live beside the articles). */
function sampleArchive() {
  const target = join(dataDir, 'sample-archive');
  mkdirSync(target, { recursive: true });
  cpSync(join(repo, 'assets', 'sample-archive'), target, { recursive: true, force: false, errorOnExist: false });
  return target;
}

function chooseArchive(folder) {
  if (folder) return folder;
  const last = loadState().lastArchive;
  if (typeof last === 'string' && isFolder(last)) return last;
  return sampleArchive();
}

// ---- building what is missing or stale ----

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && !e.startsWith('.')) visit(join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of paths) visit(join(repo, p));
  return newest;
}

/** Why `output` must be built: 'missing', 'out of date' or undefined. ARCHIVE_READER_NO_BUILD=1 skips the
 * out-of-date check (and refuses to build a missing output), for tests that share a freshly built tree. */
function needsBuild(output, sources) {
  const out = join(repo, output);
  const noBuild = process.env.ARCHIVE_READER_NO_BUILD === '1';
  if (!existsSync(out)) {
    if (noBuild) fail(`${output} is missing and ARCHIVE_READER_NO_BUILD=1 forbids building it`);
    return 'missing';
  }
  if (noBuild) return undefined;
  return newestMtime(sources) > statSync(out).mtimeMs ? 'out of date' : undefined;
}

function run(label, command, args) {
  console.error(`archive-reader: ${label}…`);
  const r = spawnSync(command, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) fail(`${label} failed (${[command, ...args].join(' ')})`);
}

function ensureEngineBuild() {
  const why = needsBuild('dist/cli.mjs', ['src', 'scripts/build.mjs']);
  if (why) run(`building the engine (dist/cli.mjs ${why})`, process.execPath, [npmCli(), 'run', 'build']);
}

function ensureRendererBuild() {
  const why = needsBuild('dist/renderer/index.html', ['renderer', 'src/api.ts']);
  if (!why) return;
  const scripts = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts ?? {};
  if (scripts['build:renderer']) run(`building the UI (dist/renderer ${why})`, process.execPath, [npmCli(), 'run', 'build:renderer']);
  else run(`building the UI (dist/renderer ${why})`, process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}

function ensureElectronBuild() {
  const why = needsBuild('out/main/index.js', ['main', 'src', 'renderer', 'electron.vite.config.ts']);
  if (why) run(`building the desktop app (out/ ${why})`, process.execPath, [join(repo, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
}

function npmCli() {
  return process.env.npm_execpath && existsSync(process.env.npm_execpath) ? process.env.npm_execpath : findNpmCli();
}

function findNpmCli() {
  const guess = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  if (existsSync(guess)) return guess;
  fail('cannot find npm to run the build; run `npm run build` yourself first');
}

function runElectron(bin, folder) {
  ensureElectronBuild();
  const args = [repo];
  // Chromium refuses to run as root with its sandbox; only then is it turned off.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  if (folder) args.push(folder);
  const child = spawn(bin, args, { cwd: repo, stdio: 'inherit' });
  forwardSignals(() => [child]);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// ---- browser mode ----

function findChromium() {
  const names = process.env.CHROMIUM ? [process.env.CHROMIUM] : ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  for (const name of names) {
    if (name.includes('/')) {
      if (existsSync(name)) return name;
      continue;
    }
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function openAppWindow(url) {
  const chromium = findChromium();
  if (!chromium) return { child: undefined, note: 'Chromium is not installed; open the address above in a browser.' };
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { child: undefined, note: 'No display; open the address above in a browser.' };
  const profile = join(dataDir, 'chromium-profile');
  disableTranslateOffer(profile);
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate',
    '--class=ArchiveReader',
    '--window-size=1200,800',
  ];
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  if (process.env.ARCHIVE_READER_CHROMIUM_FLAGS) args.push(...process.env.ARCHIVE_READER_CHROMIUM_FLAGS.split(/\s+/).filter(Boolean));
  const child = spawn(chromium, args, { stdio: 'ignore' });
  return { child, note: `Opened a ${chromium} app window.` };
}

/** The app is offline: no "translate this page?" bar (which would send the article to a web service). */
function disableTranslateOffer(profile) {
  const file = join(profile, 'Default', 'Preferences');
  let prefs = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // a new profile
  }
  if (prefs?.translate?.enabled === false) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...prefs, translate: { ...(prefs.translate ?? {}), enabled: false } }));
  } catch {
    // only a convenience
  }
}

/** Keeps state.json's lastArchive in step with the archive the UI has open (the user may switch folders). */
function followOpenArchive(url) {
  const { origin } = new URL(url);
  const token = new URL(url).hash.replace(/^#token=/, '');
  let last;
  const poll = async () => {
    try {
      const res = await fetch(`${origin}/api/getStatus`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      if (!res.ok) return;
      const root = (await res.json())?.result?.root;
      if (typeof root === 'string' && root !== last) {
        last = root;
        rememberArchive(root);
      }
    } catch {
      // the server is starting or stopping
    }
  };
  const timer = setInterval(poll, STATUS_POLL_MS);
  timer.unref();
  void poll();
}

function runBrowserMode(archive, opts) {
  ensureEngineBuild();
  ensureRendererBuild();
  rememberArchive(archive);
  const serveArgs = [join(repo, 'bin', 'archive-reader.mjs'), 'serve', archive];
  if (opts.port) serveArgs.push('--port', opts.port);
  const server = spawn(process.execPath, serveArgs, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let viewer;
  forwardSignals(() => [viewer, server]);

  let seen = false;
  const timeout = setTimeout(() => {
    if (!seen) {
      console.error(`archive-reader: the server printed no address within ${SERVER_START_TIMEOUT_MS / 1000} s; stopping it.`);
      server.kill('SIGTERM');
    }
  }, SERVER_START_TIMEOUT_MS);
  const onOutput = (stream, sink) => {
    let buffered = '';
    let partialLine = '';
    stream.setEncoding('utf8');
    stream.on('end', () => partialLine && sink.write(partialLine));
    stream.on('data', (chunk) => {
      // Whole lines only, so the server's bare address line can be left out: it is printed below with the archive.
      const lines = (partialLine + chunk).split('\n');
      partialLine = lines.pop();
      for (const line of lines) if (!URL_LINE.test(line)) sink.write(line + '\n');
      if (seen) return;
      buffered += chunk;
      const match = URL_PATTERN.exec(buffered);
      if (!match) return;
      seen = true;
      clearTimeout(timeout);
      const url = match[0];
      console.log(`Archive Reader (browser mode) on ${archive}\n  ${url}`);
      followOpenArchive(url);
      if (!opts.window) return;
      const opened = openAppWindow(url);
      console.log(opened.note);
      viewer = opened.child;
      const openedAt = Date.now();
      viewer?.on('exit', () => {
        viewer = undefined;
        if (Date.now() - openedAt < HANDOFF_MS) {
          // Chromium passed the window to an instance already running on this profile and quit at once.
          console.log('The window opened in a Chromium already running; Ctrl+C stops the server.');
          return;
        }
        // Closing the app window ends the session, as closing the desktop app would.
        server.kill('SIGTERM');
      });
    });
  };
  onOutput(server.stdout, process.stdout);
  onOutput(server.stderr, process.stderr);
  server.on('exit', (code, signal) => {
    clearTimeout(timeout);
    viewer?.kill('SIGTERM');
    process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1));
  });
}

function forwardSignals(children) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      for (const child of children()) if (child && child.exitCode === null) child.kill('SIGTERM');
      setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 5_000).unref();
    });
  }
}

// ---- main ----

const opts = parseArgs(process.argv.slice(2));
const electron = opts.browser ? undefined : findElectronRuntime(repo);
if (electron?.ok) {
  runElectron(electron.bin, opts.folder);
} else {
  if (electron) console.log(`Electron runtime not available: ${electron.reason}; starting browser mode instead.`);
  runBrowserMode(chooseArchive(opts.folder), opts);
}
