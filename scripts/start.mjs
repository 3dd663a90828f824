#!/usr/bin/env node
// `pnpm start`: build what is missing or stale, then run the API (which serves the SPA) with the
// embedded PostgreSQL (unless DATABASE_URL is set) and the demo data (with the demo company's
// contacts unless COMPANY_* are set).
import { join } from 'node:path';
import { demoEnv, needsBuild, ROOT, run } from './lib.mjs';

if (needsBuild()) {
  console.log('Building Kabinet (first start or sources changed)...');
  const code = await run('pnpm', ['build']);
  if (code !== 0) process.exit(code);
}
const env = demoEnv();
const code = await run(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { env });
process.exit(code);
