import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the tests: Nest's dependency injection needs decorator metadata, which esbuild
// does not emit.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: [
      {
        find: '@kabinet/shared',
        replacement: resolve(
          dirname(fileURLToPath(import.meta.url)),
          '../../libs/shared/src/index.ts',
        ),
      },
      // A module of the 1C library on its own (`@kabinet/exchange-1c/dist/notes`), from sources.
      {
        find: /^@kabinet\/exchange-1c\/dist\/(.*)$/,
        replacement: `${resolve(dirname(fileURLToPath(import.meta.url)), '../../libs/exchange-1c/src')}/$1.ts`,
      },
      {
        find: /^@kabinet\/exchange-1c$/,
        replacement: resolve(
          dirname(fileURLToPath(import.meta.url)),
          '../../libs/exchange-1c/src/index.ts',
        ),
      },
    ],
  },
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.e2e-spec.ts', '../../libs/shared/src/**/*.spec.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // API e2e tests start the app on a real PostgreSQL: on a busy 2-core machine a test takes
    // several times as long as on an idle one. Slower tests (the built CLI, imports of generated
    // files) set their own; waits inside tests use test/wait.ts (a deadline, not a try count).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
