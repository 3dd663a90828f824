import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { meKeys } from '../features/me';
import { useBrand } from '../features/company';
import { ApiError } from '../lib/api';
import { errorMessage } from '../lib/errors';
import i18n from '../lib/i18n';
import { brandTheme } from './theme';

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // The session ended (expired, logged out elsewhere): the guard sends the person to /login.
        if (error instanceof ApiError && error.status === 401) {
          client.setQueryData(meKeys.me(), null);
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

/**
 * Mantine with the company's brand colour; the tab's title names the company. Waits for the
 * brand (one small public request) so the page does not first show in another colour.
 */
function BrandedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const brand = useBrand();
  const color = brand.data?.color ?? null;
  const name = brand.data?.name ?? null;
  const branded = useMemo(() => brandTheme(color), [color]);
  useEffect(() => {
    document.title = name ? `${name} · ${t('app.name')}` : t('app.name');
  }, [name, t]);
  if (brand.isPending) return null;
  return (
    <MantineProvider theme={branded} defaultColorScheme="light">
      <Notifications position="top-right" />
      {children}
    </MantineProvider>
  );
}

export function Providers({ children, client }: { children: ReactNode; client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <BrandedMantine>{children}</BrandedMantine>
    </QueryClientProvider>
  );
}
