import { lazy } from 'react';

export { useProfile } from './api/get-profile';

/** Route pages load on demand. */
export const ProfilePage = lazy(() =>
  import('./routes/ProfilePage').then((m) => ({ default: m.ProfilePage })),
);
