import { lazy } from 'react';

/** Route pages load on demand. */
export const ExchangePage = lazy(() =>
  import('./routes/ExchangePage').then((m) => ({ default: m.ExchangePage })),
);
