import { lazy } from 'react';

export { authKeys } from './api/keys';
export { meQueryOptions, useMe, type Me } from './api/me';
export { useLogout } from './api/logout';

/** Route pages load on demand. */
export const LoginPage = lazy(() =>
  import('./routes/LoginPage').then((m) => ({ default: m.LoginPage })),
);
