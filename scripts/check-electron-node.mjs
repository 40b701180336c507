// `npm run dist` starts here: Electron 45's own tooling and electron-builder's need Node 22.12 or later (running,
// testing and building the app's code need only Node 20.19), so say so in one line instead of failing midway.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`archive-reader: building installers needs Node.js 22.12 or later (this is ${process.version}); everything else runs on 20.19`);
  process.exit(1);
}
