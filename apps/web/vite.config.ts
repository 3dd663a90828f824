import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const lib = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@kabinet/shared': lib('shared/src/index.ts'),
      '@kabinet/api-client': lib('api-client/src/index.ts'),
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: { sourcemap: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Component tests render whole pages in jsdom: seconds each on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
