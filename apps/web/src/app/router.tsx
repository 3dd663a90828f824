import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { CenteredMessage } from '../components/CenteredMessage';
import { PageLoader } from '../components/PageLoader';
import { LoginPage } from '../features/auth';
import { ChangeRequestsPage } from '../features/change-requests';
import { ChatPage, ChatsPage } from '../features/chats';
import { CompanyPage, ContactsPage } from '../features/company';
import { ContractPage, ContractsPage } from '../features/contracts';
import { CustomersPage } from '../features/customers';
import { DevOutboxPage } from '../features/dev';
import { ExchangePage } from '../features/exchange';
import { HelpPage } from '../features/help';
import { HomePage } from '../features/home';
import { NotificationsPage } from '../features/notifications';
import { ProfilePage } from '../features/profile';
import { navItem } from '../lib/nav';
import { paths } from '../lib/paths';
import { HomeRedirect, RequireAuth, RequirePermission } from './guards';
import { AppLayout } from './layouts/AppLayout';

/** Public pages load lazily and wait for their code here (the shell has its own boundary). */
function Lazy() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <CenteredMessage
      title={t('notFound.title')}
      text={t('notFound.text')}
      linkTo={paths.home}
      linkLabel={t('notFound.home')}
    />
  );
}

/** The shell's sections: each group sits behind the permission of its navigation item. */
function section(path: string, children: RouteObject[]): RouteObject {
  return {
    element: (
      <RequirePermission permission={navItem(path).permission}>
        <Outlet />
      </RequirePermission>
    ),
    children,
  };
}

export const routes: RouteObject[] = [
  {
    element: <Lazy />,
    children: [
      { path: paths.login, element: <LoginPage /> },
      { path: paths.devOutbox, element: <DevOutboxPage /> },
    ],
  },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect home={<HomePage />} /> },
      section(paths.contracts, [
        { path: paths.contracts, element: <ContractsPage /> },
        { path: paths.contractPattern, element: <ContractPage /> },
      ]),
      section(paths.chats, [
        { path: paths.chats, element: <ChatsPage /> },
        { path: paths.chatPattern, element: <ChatPage /> },
      ]),
      section(paths.notifications, [{ path: paths.notifications, element: <NotificationsPage /> }]),
      {
        path: paths.staffNotifications,
        element: (
          <RequirePermission permission="staffNotification.read">
            <NotificationsPage />
          </RequirePermission>
        ),
      },
      section(paths.customers, [{ path: paths.customers, element: <CustomersPage /> }]),
      section(paths.changeRequests, [
        { path: paths.changeRequests, element: <ChangeRequestsPage /> },
      ]),
      section(paths.exchange, [{ path: paths.exchange, element: <ExchangePage /> }]),
      section(paths.company, [{ path: paths.company, element: <CompanyPage /> }]),
      section(paths.profile, [{ path: paths.profile, element: <ProfilePage /> }]),
      // For everyone signed in (the API's GET /api/company too); in the customers' navigation.
      { path: paths.contacts, element: <ContactsPage /> },
      { path: paths.help, element: <HelpPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
