#!/usr/bin/env node
// `pnpm start`: build what is missing or stale, then run the API (which serves the SPA) with the
// embedded PostgreSQL (unless DATABASE_URL is set) and the demo data (with the demo company's
// contacts unless COMPANY_* are set).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { demoEnv, needsBuild, ROOT, run } from './lib.mjs';

if (needsBuild()) {
  console.log('Building Kabinet (first start or sources changed)...');
  const code = await run('pnpm', ['build']);
  if (code !== 0) process.exit(code);
}
const env = demoEnv();
// A signal to this script (Ctrl-C in a terminal reaches both) goes on to the app, which closes
// its connections and job queue, then stops its PostgreSQL; this script waits for it to finish.
const app = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => app.kill(signal));
}
const code = await new Promise((resolve) => {
  app.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  app.on('error', () => resolve(127));
});
process.exit(code);
