import { lazy } from 'react';

/** Route pages load on demand. */
export const HomePage = lazy(() =>
  import('./routes/HomePage').then((m) => ({ default: m.HomePage })),
);
