// Packs the built app (out/) as electron-builder's linux `dir` target, offline: a stand-in Electron directory
// (`electronDist`: a shell script named electron, since the real binary cannot be downloaded here) and, for this
// run only, no fuses step (flipping fuses needs the real binary). Everything else comes from electron-builder.yml.
// Usage: node test/packaging/pack-linux-dir.mjs <output-dir> <stub-dir>
import electronBuilder from 'electron-builder';

const { build, Platform, Arch } = electronBuilder;

const [output, stub] = process.argv.slice(2);
if (!output || !stub) {
  console.error('usage: pack-linux-dir.mjs <output-dir> <stub-dir>');
  process.exit(2);
}

build({
  projectDir: process.cwd(),
  targets: Platform.LINUX.createTarget('dir', Arch.x64),
  // Merged over electron-builder.yml; null replaces the fuses for this run.
  config: { electronDist: stub, electronFuses: null, directories: { output } },
  publish: 'never',
}).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
