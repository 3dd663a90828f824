import type { Permission } from '@kabinet/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { CenteredMessage } from '../components/CenteredMessage';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { navFor } from '../lib/nav';
import { paths } from '../lib/paths';
import { useMe } from '../features/me';

/** Routes behind a login: an anonymous visitor goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.data === null) {
    return <Navigate to={paths.loginNext(location.pathname + location.search)} replace />;
  }
  // Data from before a failed refresh still counts; only a first load that failed stops here.
  if (me.data) return children;
  return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} m="md" />;
}

/** Routes that need a permission (the same the API checks). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.data?.permissions.includes(permission)) {
    return (
      <CenteredMessage
        title={t('noAccess.title')}
        text={t(me.data?.kind === 'staff' ? 'noAccess.text' : 'noAccess.textCustomer')}
        linkTo={paths.home}
        linkLabel={t('noAccess.home')}
      />
    );
  }
  return children;
}

/** `/` is the home page for those whose first section it is (customers); others go to theirs. */
export function HomeRedirect({ home }: { home: ReactNode }) {
  const { t } = useTranslation();
  const first = navFor(useMe().data?.permissions ?? [])[0];
  // Nothing to open at all (a role without sections): the home page would be this page again.
  if (!first) return <CenteredMessage title={t('noAccess.title')} text={t('noAccess.text')} />;
  if (first.path === paths.home) return home;
  return <Navigate to={first.path} replace />;
}
