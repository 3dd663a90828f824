import { lazy } from 'react';

/** Route pages load on demand. */
export const ChangeRequestsPage = lazy(() =>
  import('./routes/ChangeRequestsPage').then((m) => ({ default: m.ChangeRequestsPage })),
);
