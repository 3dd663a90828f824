import { lazy } from 'react';

export { useBrand } from './api/brand';
export { useCompany } from './api/get-company';
export { BrandMark } from './components/BrandMark';
export { ManagersCard } from './components/ManagersCard';
export { MyManagers } from './components/MyManagers';

/** Route pages load on demand. */
export const ContactsPage = lazy(() =>
  import('./routes/ContactsPage').then((m) => ({ default: m.ContactsPage })),
);
export const CompanyPage = lazy(() =>
  import('./routes/CompanyPage').then((m) => ({ default: m.CompanyPage })),
);
