// Builds each workspace whose sources changed since its last build, and nothing else, so that
// `npm start` starts at once when everything is already built. A workspace counts as built when its
// stamp (written after a successful build) is newer than every input file; a rebuilt `shared`
// makes the server and the client stale too, since both compile against it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACES = [
  { name: 'shared', inputs: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], stamp: 'dist/.built' },
  { name: 'server', inputs: ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'], stamp: 'dist/.built' },
  {
    name: 'client',
    inputs: ['src', 'public', 'index.html', 'respond.html', 'package.json', 'tsconfig.json', 'vite.config.ts'],
    stamp: 'dist/.built',
  },
];
const ROOT_INPUTS = ['package-lock.json', 'tsconfig.base.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const rootInputs = Math.max(...ROOT_INPUTS.map((file) => newestMtime(join(root, file))));
let dependencyRebuilt = false;
for (const workspace of WORKSPACES) {
  const dir = join(root, workspace.name);
  const stamp = join(dir, workspace.stamp);
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changedAt = Math.max(rootInputs, ...workspace.inputs.map((input) => newestMtime(join(dir, input))));
  if (!dependencyRebuilt && builtAt > changedAt) {
    console.log(`${workspace.name}: built and up to date`);
    continue;
  }
  console.log(`${workspace.name}: building …`);
  const result = spawnSync('npm', ['run', 'build', '-w', workspace.name], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  if (workspace.name === 'shared') dependencyRebuilt = true;
}
