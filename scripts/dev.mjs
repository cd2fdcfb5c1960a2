// Development: the API server (rebuilt and restarted on change) and Vite's dev server with a
// proxy to it. Open the URL Vite prints.
import { spawn } from 'node:child_process';

const apiPort = process.env.API_PORT ?? '3000';
const run = (command, args, env = {}) =>
  spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });

const build = run('npm', ['run', 'build', '-w', 'shared', '-w', 'server']);
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const children = [
    run('npx', ['tsc', '-p', 'server/tsconfig.build.json', '--watch', '--preserveWatchOutput']),
    run('node', ['--watch-path=server/dist', 'server/dist/server/src/main.js'], { PORT: apiPort }),
    run('npm', ['run', 'dev', '-w', 'client'], { API_PORT: apiPort }),
  ];
  const stop = () => {
    for (const child of children) child.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
