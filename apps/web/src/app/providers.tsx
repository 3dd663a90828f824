import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { authKeys } from '../features/auth';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/errors';
import i18n from '../lib/i18n';
import { theme } from './theme';

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The session ended (expired, logged out elsewhere): the guard sends the person to /login.
        if (error instanceof ApiError && error.status === 401) {
          client.setQueryData(authKeys.me(), null);
          return;
        }
        // A page shows its own load errors; a failed background refresh gets a transient note.
        if (query.state.data !== undefined) {
          notifications.show({
            id: `query-error-${query.queryHash}`,
            color: 'red',
            message: errorMessage(i18n.t, error),
          });
        }
      },
    }),
    defaultOptions: {
      queries: {
        // Client errors (401, 403, 404) will not change on retry.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
  return client;
}

export function Providers({ children, client }: { children: ReactNode; client: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
