import { lazy } from 'react';

/** Route pages load on demand. */
export const HelpPage = lazy(() =>
  import('./routes/HelpPage').then((m) => ({ default: m.HelpPage })),
);
