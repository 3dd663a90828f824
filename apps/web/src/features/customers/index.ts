import { lazy } from 'react';

export { useEndViewAs, useStartViewAs } from './api/customers';

/** Route pages load on demand. */
export const CustomersPage = lazy(() =>
  import('./routes/CustomersPage').then((m) => ({ default: m.CustomersPage })),
);
