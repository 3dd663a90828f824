import { Badge } from '@mantine/core';
import type { ChangeRequestStatus } from '@kabinet/shared';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<ChangeRequestStatus, string> = {
  pending: 'yellow',
  done: 'green',
  rejected: 'red',
};

/** A change request's status as a coloured badge: pending yellow, done green, rejected red. */
export function ChangeRequestStatusBadge({ status }: { status: ChangeRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`profile.statuses.${status}`)}
    </Badge>
  );
}
