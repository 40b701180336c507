// The layers of the code base (see ARCHITECTURE.md), checked by `npm run lint:deps` as part of `npm test`.
// Imports go one way, down:
//
//   cli / server / main          entry points
//   app.ts                       engine + annotations = the API
//   engine                       the façade (ArchiveEngine) and indexing
//   search                       queries, ranking across segments, snippets, lists
//   index / cache                segment files, the loaded archive, files on disk
//   analysis / entities / dates / articles / annotations    text and domain logic
//
// api.ts (the API's types and constants) and messages/ (its message codes and their English wording) can be
// imported from anywhere.

/** Forbids imports from `from` into any of `to` (folders or files under src/). */
function below(name, from, to, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from },
    to: { path: `^src/(${to.join('|')})(/|\\.ts$)` },
  };
}

const ENTRY = ['cli', 'server'];
const APP = [...ENTRY, 'app', 'api-schema'];
const ENGINE = [...APP, 'engine'];
const SEARCH = [...ENGINE, 'search'];
const STORAGE = [...SEARCH, 'index', 'cache'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules that import each other cannot be understood (or changed) one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    below('app-below-entry-points', '^src/(app|api-schema)\\.ts$', ENTRY, 'app.ts is used by the CLI, the server and Electron, never the reverse.'),
    below('engine-below-app', '^src/engine/', [...APP, 'annotations'], 'The engine knows nothing of the app, the annotations or the CLI.'),
    below('search-below-engine', '^src/search/', [...ENGINE, 'annotations'], 'Search runs on the loaded archive; the engine calls it.'),
    below('storage-below-search', '^src/(index|cache)/', [...SEARCH, 'annotations'], 'The index and cache know nothing of queries.'),
    below(
      'text-below-storage',
      '^src/(analysis|entities|dates|articles)/',
      [...STORAGE, 'annotations'],
      'Text analysis, entities, dates and article parsing are the bottom layer.',
    ),
    below('annotations-beside-engine', '^src/annotations/', [...STORAGE], 'Annotations meet the engine only in app.ts.'),
    {
      name: 'engine-has-no-ui',
      comment: 'src/ runs under plain Node: no Electron main process, no renderer.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(main|renderer)/' },
    },
    {
      name: 'renderer-talks-to-the-api-only',
      comment: 'The renderer runs in a browser page and reaches the engine through the API alone.',
      severity: 'error',
      from: { path: '^renderer/src/' },
      // src/messages/ is part of the API: the codes the engine reports and their English wording.
      to: { path: '^(src|main)/', pathNot: '^src/(api\\.ts$|messages/)' },
    },
    {
      name: 'code-does-not-import-tests',
      comment: 'Tests depend on the code, never the reverse.',
      severity: 'error',
      from: { path: '^(src|main|renderer|scripts)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.svelte'] },
  },
};
