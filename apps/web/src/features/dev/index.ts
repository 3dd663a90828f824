import { lazy } from 'react';

export { useDevOutboxAvailable } from './api/outbox';

/** Route pages load on demand. */
export const DevOutboxPage = lazy(() =>
  import('./routes/DevOutboxPage').then((m) => ({ default: m.DevOutboxPage })),
);
