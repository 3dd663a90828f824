import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const lib = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

/** The API in development (`pnpm dev`), and its PUBLIC_URL's origin (its default). */
const API = 'http://127.0.0.1:3000';
const API_ORIGIN = 'http://localhost:3000';
/** `SOCKET_PATH` of libs/shared/src/chats.ts (the config loader takes no TypeScript imports). */
const SOCKET_PATH = '/api/socket.io';

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
    proxy: {
      // The socket first (more specific): its WebSocket upgrade is forwarded too. The API takes
      // sockets only from its own origin (PUBLIC_URL): a page this dev server serves is the SPA,
      // as the API serves it in production, so its Origin becomes the API's.
      [SOCKET_PATH]: {
        target: API,
        ws: true,
        configure: (proxy) => {
          proxy.on('proxyReqWs', (proxyReq, req) => {
            const { origin, host } = req.headers;
            if (origin && host && URL.canParse(origin) && new URL(origin).host === host) {
              proxyReq.setHeader('origin', API_ORIGIN);
            }
          });
        },
      },
      '/api': API,
    },
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
