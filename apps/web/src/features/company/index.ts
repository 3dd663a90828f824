import { lazy } from 'react';

export { useCompany } from './api/company';
export { ManagersCard } from './components/ManagersCard';
export { MyManagers } from './components/MyManagers';

/** Route pages load on demand. */
export const ContactsPage = lazy(() =>
  import('./routes/ContactsPage').then((m) => ({ default: m.ContactsPage })),
);
