import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../lib/paths';

/**
 * A bell in the phone header that leads to the notifications, with the unread count on it, so
 * the count is seen without opening the menu. The link's label says the count to screen readers
 * (the drawn count is hidden from them, so it is not read twice).
 */
export function HeaderBell({ unread }: { unread: number }) {
  const { t } = useTranslation();
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      color="red"
      size={18}
      offset={7}
      inline
      attributes={{
        indicator: { 'aria-hidden': true, 'data-testid': 'header-unread-count' } as object,
      }}
    >
      <ActionIcon
        component={Link}
        to={paths.notifications}
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={unread > 0 ? t('shell.bellUnread', { count: unread }) : t('nav.notifications')}
        data-testid="header-bell"
      >
        <IconBell size={22} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}
