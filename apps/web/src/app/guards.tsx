import type { Permission } from '@kabinet/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { CenteredMessage } from '../components/CenteredMessage';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { paths } from '../lib/paths';
import { useMe } from '../features/auth';

/** Routes behind a login: an anonymous visitor goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${paths.login}?next=${next}`} replace />;
  }
  return children;
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
    return <CenteredMessage title={t('noAccess.title')} text={t('noAccess.text')} />;
  }
  return children;
}
