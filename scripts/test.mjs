#!/usr/bin/env node
// `pnpm test`: every check and test suite, then one line `N passed, N failed` summed over all.
// Suites: format, lint, types, OpenAPI lint (one check each), the API's vitest run (unit,
// integration against real PostgreSQL, API e2e, spec and migration drift), the SPA's vitest run,
// and Playwright in Debian's Chromium against the built app. One embedded PostgreSQL cluster
// serves the whole run, unless DATABASE_URL names a server (it needs CREATEDB).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, ROOT, run } from './lib.mjs';

const results = []; // { suite, passed, failed }
const out = join(ROOT, 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2); // e.g. `pnpm test api e2e`
const wanted = (name) => only.length === 0 || only.includes(name);

function record(suite, passed, failed) {
  results.push({ suite, passed, failed });
  console.log(`\n── ${suite}: ${passed} passed, ${failed} failed\n`);
}

async function check(suite, cmd, args, options) {
  if (!wanted('check')) return;
  console.log(`\n── ${suite}: ${cmd} ${args.join(' ')}`);
  const code = await run(cmd, args, options);
  record(suite, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

async function vitest(suite, filter, env) {
  const report = join(out, `${suite}.json`);
  const code = await run(
    'pnpm',
    [
      '--filter',
      filter,
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { env: { ...process.env, ...env } },
  );
  const json = readJson(report);
  if (!json) return record(suite, 0, 1);
  const failed = json.numFailedTests + (code !== 0 && json.numFailedTests === 0 ? 1 : 0);
  record(suite, json.numPassedTests, failed);
}

// The Debian packages each suite runs: the SFTP tests start a real OpenSSH sshd; the format tests
// validate against the XSD with xmllint; the PDF tests read generated PDFs with poppler's
// pdftotext and pdffonts; the browser tests drive Debian's Chromium (with a font for Cyrillic).
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SYSTEM_PACKAGES = {
  api: [
    ['/usr/sbin/sshd', 'openssh-server'],
    ['/usr/bin/xmllint', 'libxml2-utils'],
    ['/usr/bin/pdftotext', 'poppler-utils'],
  ],
  exchange: [['/usr/bin/xmllint', 'libxml2-utils']],
  e2e: [
    [chromiumPath, 'chromium'],
    ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'fonts-dejavu-core'],
  ],
};

/** The packages of the wanted suites that are not installed. */
function missingPackages() {
  const wantedPackages = Object.entries(SYSTEM_PACKAGES)
    .filter(([suite]) => wanted(suite))
    .flatMap(([, list]) => list);
  return [...new Set(wantedPackages.filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg))];
}

/**
 * Installs the Debian packages the wanted suites need and the machine lacks, before anything
 * runs: with apt-get as root, or through `sudo -n` when that works without a password. When it
 * cannot, it names the one command to run and stops (a suite failing later on a missing tool
 * says much less).
 */
function ensureSystemPackages() {
  const missing = missingPackages();
  if (!missing.length) return true;
  const root = process.getuid?.() === 0;
  const sudo =
    !root && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
      ? ['sudo', '-n']
      : [];
  if ((root || sudo.length) && existsSync('/usr/bin/apt-get')) {
    console.log(`The tests need Debian's ${missing.join(', ')}: installing them (apt-get)...`);
    const apt = (args) =>
      spawnSync(
        sudo[0] ?? 'apt-get',
        [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args],
        {
          stdio: 'inherit',
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        },
      );
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  }
  const still = missingPackages();
  if (!still.length) return true;
  console.error(
    `\nThe tests need Debian packages this machine lacks: ${still.join(', ')}.\n` +
      `Install them with:\n\n  sudo apt-get install -y --no-install-recommends ${still.join(' ')}\n\n` +
      'then run pnpm test again. (As root, pnpm test installs them itself.)',
  );
  return false;
}

if (!ensureSystemPackages()) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

// 1. Build everything (the checks read libs/shared/dist; Playwright runs the built app).
const build = await run('pnpm', ['build']);
record('build', build === 0 ? 1 : 0, build === 0 ? 0 : 1);

// 2. Static checks.
await check('format', 'pnpm', ['exec', 'prettier', '--check', '.']);
await check('lint', 'pnpm', ['exec', 'eslint', '.', '--max-warnings=0']);
await check('types', 'pnpm', ['-r', 'typecheck']);
await check('openapi-lint', 'pnpm', [
  '--filter',
  '@kabinet/api-client',
  'exec',
  'redocly',
  'lint',
  '../../openapi/openapi.json',
  '--config',
  '../../redocly.yaml',
]);

// 3. One PostgreSQL for the run.
let adminUrl = process.env.DATABASE_URL;
let stopDb = async () => undefined;
let pgDir;
if (!adminUrl && (wanted('api') || wanted('e2e'))) {
  const { startEmbeddedPostgres } = await import(
    pathToFileURL(join(ROOT, 'apps/api/dist/database/embedded.js')).href
  );
  pgDir = await mkdtemp(join(tmpdir(), 'kabinet-test-pg-'));
  await chmod(pgDir, 0o755);
  const pg = await startEmbeddedPostgres({
    dir: join(pgDir, 'data'),
    port: await freePort(),
    database: 'postgres',
  });
  adminUrl = pg.adminUrl;
  stopDb = pg.stop;
}

try {
  // 4. API: unit, integration, API e2e, drift checks (a fresh database per test file).
  if (wanted('api')) await vitest('api', '@kabinet/api', { DATABASE_URL: adminUrl });
  // 5. The 1C format library: golden files, encodings, round trips, property tests.
  if (wanted('exchange')) await vitest('exchange-1c', '@kabinet/exchange-1c', {});
  // 6. SPA unit and component tests.
  if (wanted('web')) await vitest('web', '@kabinet/web', {});
  // 7. Browser e2e against the built app on its own fresh database.
  if (wanted('e2e')) {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: adminUrl });
    await client.connect();
    const db = `kabinet_e2e_${process.pid}`;
    await client.query(`DROP DATABASE IF EXISTS ${db}`);
    await client.query(`CREATE DATABASE ${db}`);
    await client.end();
    const url = new URL(adminUrl);
    url.pathname = `/${db}`;
    const report = join(out, 'e2e.json');
    const code = await run('pnpm', ['--filter', '@kabinet/e2e', 'exec', 'playwright', 'test'], {
      env: {
        ...process.env,
        CHROMIUM_PATH: chromiumPath,
        E2E_DATABASE_URL: url.toString(),
        E2E_PORT: String(await freePort()),
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      },
    });
    const json = readJson(report);
    const passed = (json?.stats?.expected ?? 0) + (json?.stats?.flaky ?? 0);
    const failed =
      (json?.stats?.unexpected ?? 0) +
      (json ? 0 : 1) +
      (code !== 0 && json?.stats?.unexpected === 0 ? 1 : 0);
    record('e2e', passed, failed);
  }
} finally {
  await stopDb();
  if (pgDir) await rm(pgDir, { recursive: true, force: true });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSuites:');
for (const r of results)
  console.log(`  ${r.suite.padEnd(14)} ${r.passed} passed, ${r.failed} failed`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
