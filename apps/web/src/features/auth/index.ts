import { lazy } from 'react';

export { useLogout } from './api/logout';

/** Route pages load on demand. */
export const LoginPage = lazy(() =>
  import('./routes/LoginPage').then((m) => ({ default: m.LoginPage })),
);
