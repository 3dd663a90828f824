import { lazy } from 'react';

export { useEndViewAs, useStartViewAs } from './api/view-as';

/** Route pages load on demand. */
export const CustomersPage = lazy(() =>
  import('./routes/CustomersPage').then((m) => ({ default: m.CustomersPage })),
);
