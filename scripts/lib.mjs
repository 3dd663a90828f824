// Small helpers shared by the repo's scripts (plain Node, no build needed).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Runs a command, streaming its output; resolves with the exit code. */
export function run(cmd, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('close', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolvePromise(127));
  });
}

/** Newest modification time of any file below `dir` (skipping node_modules and dist). */
export function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when a build output is missing or older than its sources. */
export function stale(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newestMtime(s) > built);
}

export function needsBuild() {
  return (
    stale(join(ROOT, 'libs/shared/dist/index.js'), join(ROOT, 'libs/shared/src')) ||
    stale(
      join(ROOT, 'apps/api/dist/main.js'),
      join(ROOT, 'apps/api/src'),
      join(ROOT, 'libs/shared/src'),
    ) ||
    stale(
      join(ROOT, 'apps/web/dist/index.html'),
      join(ROOT, 'apps/web/src'),
      join(ROOT, 'libs/api-client/src'),
      join(ROOT, 'libs/shared/src'),
    )
  );
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * The demo company's profile (name, what it does, contacts) as an installation's first start
 * takes it from COMPANY_*; admins change it in the app afterwards. Гранит-Мастер makes memorials
 * and also renovates flats (Смирнов's contract), and says so. Used only with the demo data
 * (`pnpm start`, `pnpm dev`, the browser tests): the app itself has no defaults, so a real
 * installation shows only what it sets.
 */
export const DEMO_COMPANY_ENV = {
  COMPANY_NAME: 'Гранит-Мастер',
  COMPANY_DESCRIPTION: 'Памятники и благоустройство, ремонт квартир',
  COMPANY_PHONE: '+7 495 120-10-00, +7 495 120-10-10',
  COMPANY_EMAIL: 'info@granit-master.example',
  COMPANY_ADDRESS: 'Москва, Каменная улица, 12',
  COMPANY_HOURS: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
};

/**
 * The environment with the demo data on unless DEMO_DATA says otherwise, and then the demo
 * contacts for what COMPANY_* leaves unset; never in production, where unset means not shown.
 */
export function demoEnv(env = process.env) {
  const demoData = env.DEMO_DATA ?? 'true';
  const on = ['true', '1', 'yes'].includes(demoData) && env.NODE_ENV !== 'production';
  const company = Object.fromEntries(
    Object.entries(DEMO_COMPANY_ENV).filter(([key]) => on && env[key] === undefined),
  );
  return { ...env, DEMO_DATA: demoData, ...company };
}
