import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { CenteredMessage } from '../components/CenteredMessage';
import { PageLoader } from '../components/PageLoader';
import { LoginPage } from '../features/auth';
import { NAV_ITEMS } from '../lib/nav';
import { paths } from '../lib/paths';
import { RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layouts/AppLayout';

const ContractsPage = lazy(() =>
  import('../features/contracts').then((m) => ({ default: m.ContractsPage })),
);
const ContractPage = lazy(() =>
  import('../features/contracts').then((m) => ({ default: m.ContractPage })),
);
const DevOutboxPage = lazy(() =>
  import('../features/dev').then((m) => ({ default: m.DevOutboxPage })),
);

const page = (node: ReactNode) => <Suspense fallback={<PageLoader />}>{node}</Suspense>;
const contractRead = NAV_ITEMS.find((i) => i.path === paths.contracts)!.permission;

function NotFound() {
  const { t } = useTranslation();
  return (
    <CenteredMessage
      title={t('notFound.title')}
      linkTo={paths.home}
      linkLabel={t('notFound.home')}
    />
  );
}

export const routes: RouteObject[] = [
  { path: paths.login, element: <LoginPage /> },
  { path: paths.devOutbox, element: page(<DevOutboxPage />) },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to={paths.contracts} replace /> },
      {
        path: paths.contracts,
        element: (
          <RequirePermission permission={contractRead}>{page(<ContractsPage />)}</RequirePermission>
        ),
      },
      {
        path: `${paths.contracts}/:id`,
        element: (
          <RequirePermission permission={contractRead}>{page(<ContractPage />)}</RequirePermission>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
