import { Alert, Group, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe, type Me } from '../../me';
import { useReceivedShares } from '../api/received-shares';
import type { SharingMode } from './ContractSharing';

/** The contract as lists and pages know it: whose it is. */
interface ContractOwner {
  id: string;
  customerId: string;
  customerName: string;
}

/** Whether `c` is a contract someone else shared with the customer logged in. */
export function isSharedWithMe(me: Me | null | undefined, c: { customerId: string }): boolean {
  return me?.kind === 'customer' && c.customerId !== me.id;
}

/**
 * How `me` sees contract `c`'s shares: its owner manages them, staff with `share.manage` see and
 * revoke them, a staff member viewing the owner's cabinet reads them; null: not at all (a person
 * it is shared with, staff without the permission).
 */
export function sharingMode(
  me: Me | null | undefined,
  c: { customerId: string },
): SharingMode | null {
  if (!me?.permissions.includes('share.manage')) return null;
  if (me.kind === 'staff') return 'staff';
  if (c.customerId !== me.id) return null;
  return me.viewAs ? 'viewAs' : 'owner';
}

/** In a list: "shared by <owner>" under a contract someone shared with me; nothing otherwise. */
export function SharedMark({ c }: { c: ContractOwner }) {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!isSharedWithMe(me, c)) return null;
  return (
    <Group gap={4} wrap="nowrap" mt={4} data-testid="shared-mark">
      <IconUsers size={14} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
        {t('shares.sharedBy', { owner: c.customerName })}
      </Text>
    </Group>
  );
}

/**
 * On the page of a contract someone shared with me: whose it is and what I may do (read-only:
 * nothing can be changed). Nothing on one's own contracts and for staff.
 */
export function SharedContractNotice({ c }: { c: ContractOwner }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const shared = isSharedWithMe(me, c);
  const received = useReceivedShares(shared);
  const access = received.data?.find((s) => s.contractId === c.id)?.access;
  if (!shared || !access) return null;
  return (
    <Alert
      variant="light"
      color={access === 'read' ? 'gray' : 'blue'}
      icon={<IconUsers size={18} />}
      data-testid="shared-notice"
    >
      {access === 'read'
        ? t('shares.sharedNotice.read', { owner: c.customerName })
        : t('shares.sharedNotice.full', { owner: c.customerName })}
    </Alert>
  );
}
