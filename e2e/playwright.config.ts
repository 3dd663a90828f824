import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Playwright drives Debian's Chromium (no browser download) against the built app, started here
 * with its own database (E2E_DATABASE_URL, made by scripts/test.mjs) and the demo data.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Whole user journeys in a real Chromium against the built app: generous, for busy 2-core machines.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json']],
  use: {
    baseURL,
    locale: 'ru-RU',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
  projects: [
    {
      name: 'phone',
      use: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
    },
    { name: 'tablet', use: { viewport: { width: 768, height: 1024 }, hasTouch: true } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: 'node ../apps/api/dist/main.js',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO_DATA: 'true',
      // The demo company's contacts, as `pnpm start` sets them (DEMO_COMPANY_ENV in scripts/lib.mjs).
      COMPANY_NAME: 'Гранит-Мастер',
      COMPANY_DESCRIPTION: 'Памятники и благоустройство, ремонт квартир',
      COMPANY_PHONE: '+7 495 120-10-00, +7 495 120-10-10',
      COMPANY_EMAIL: 'info@granit-master.example',
      COMPANY_ADDRESS: 'Москва, Каменная улица, 12',
      COMPANY_HOURS: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
      RATE_LIMIT_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      // The exchange's local inbox/outbox: a fresh folder per run, files taken at once.
      EXCHANGE_DIR: join(tmpdir(), `kabinet-e2e-exchange-${process.pid}`),
      EXCHANGE_STABLE_MS: '0',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      ...(process.env.E2E_DATABASE_URL
        ? {}
        : { DATA_DIR: '.artifacts/data', EMBEDDED_PG_PORT: String(port + 1) }),
    },
  },
});
