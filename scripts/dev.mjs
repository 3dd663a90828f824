#!/usr/bin/env node
// `pnpm dev`: the API rebuilt and restarted on change (tsc --watch + node --watch) and the SPA
// on Vite's dev server with hot reload (http://localhost:5173, proxying /api to the API).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoEnv, ROOT, run } from './lib.mjs';

const code = await run('pnpm', ['--filter', '@kabinet/shared', 'build']);
if (code !== 0) process.exit(code);
const first = await run('pnpm', ['--filter', '@kabinet/api', 'build']);
if (first !== 0) process.exit(first);

const env = { ...demoEnv(), LOG_PRETTY: 'true' };
const tscWatch = (pkg) =>
  spawn(
    'pnpm',
    [
      '--filter',
      pkg,
      'exec',
      'tsc',
      '-p',
      'tsconfig.build.json',
      '--watch',
      '--preserveWatchOutput',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
const children = [
  tscWatch('@kabinet/shared'),
  tscWatch('@kabinet/api'),
  spawn(
    process.execPath,
    ['--watch-path', join(ROOT, 'apps/api/dist'), join(ROOT, 'apps/api/dist/main.js')],
    { cwd: ROOT, stdio: 'inherit', env },
  ),
  spawn('pnpm', ['--filter', '@kabinet/web', 'dev'], { cwd: ROOT, stdio: 'inherit' }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await Promise.all(children.map((c) => new Promise((r) => c.on('close', r))));
