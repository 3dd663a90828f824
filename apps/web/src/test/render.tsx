import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import type { SocketClient } from '../lib/socket';
import { SocketContext } from '../lib/use-socket';
import { fakeSocketClient } from './fake-socket';

/**
 * Renders routes the way the app does (Mantine, react-query, router), starting at `url`. The
 * socket is a stand-in (nothing goes on the network): pass `fakeSocketClient().client` to play
 * the server.
 */
export function renderRoutes(
  routes: RouteObject[],
  url: string,
  client = testQueryClient(),
  socket: SocketClient = fakeSocketClient().client,
) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <SocketContext.Provider value={socket}>
          <RouterProvider router={router} />
        </SocketContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, client, socket };
}

export function renderPage(element: ReactElement, url = '/') {
  return renderRoutes([{ path: '*', element }], url);
}

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: {} } });
}

type Handler = (request: Request, body: unknown) => Response | undefined;

/**
 * Replaces `fetch` with a tiny fake API: `routes` maps `METHOD /path` to a handler; anything else
 * answers 404. Returns the list of calls made (`METHOD /path`).
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const key = `${request.method} ${path}`;
    calls.push(key);
    const text = await request.clone().text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text; // multipart or plain text
      }
    }
    return routes[key]?.(request, body) ?? problem(404, 'not_found');
  });
  return calls;
}

export function problem(status: number, code: string, extra: object = {}) {
  return Response.json(
    { type: `about:blank`, title: code, status, code, ...extra },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

/**
 * Makes media queries answer as on a phone `width` px wide (jsdom's own answer is always "no"):
 * `useCompactLayout` and Mantine's hooks then choose the phone layout. Undone by
 * `vi.unstubAllGlobals()`.
 */
export function atScreenWidth(width: number) {
  const px = (value: string, unit: string) => Number(value) * (unit === 'em' ? 16 : 1);
  const matches = (query: string) =>
    [...query.matchAll(/\((max|min)-width:\s*([\d.]+)(px|em)\)/g)].every(([, kind, value, unit]) =>
      kind === 'max' ? width <= px(value!, unit!) : width >= px(value!, unit!),
    );
  vi.stubGlobal('innerWidth', width);
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: matches(query),
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }));
}
