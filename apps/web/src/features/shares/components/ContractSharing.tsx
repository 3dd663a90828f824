import { Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { formatPhone, SHARE_ACCESS, SHARE_LIMITS } from '@kabinet/shared';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { SectionCard } from '../../../components/SectionCard';
import { UserText } from '../../../components/UserText';
import { formatDate, localeOf } from '../../../lib/format';
import {
  useContractShares,
  useRevokeShare,
  useUpdateShare,
  type Share,
  type ShareAccess,
} from '../api/contract-shares';
import { ShareForm } from './ShareForm';

/** Who sees the shares: the owner (may change them), staff (may revoke), a view-as (reads). */
export type SharingMode = 'owner' | 'staff' | 'viewAs';

/** How a share is named on screen: what the owner calls the person, else the phone. */
const who = (s: Share) => s.name ?? formatPhone(s.phone);

function ShareCard({
  share,
  contractId,
  mode,
  onRevoke,
}: {
  share: Share;
  contractId: string;
  mode: SharingMode;
  onRevoke: (s: Share) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const update = useUpdateShare(contractId);
  return (
    <Card withBorder radius="md" padding="sm" data-testid="share">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0} style={{ flex: '1 1 12rem' }}>
            <UserText fw={600}>{who(share)}</UserText>
            <Text size="sm" c="dimmed">
              {[
                share.name && formatPhone(share.phone),
                t('shares.since', {
                  date: formatDate(share.createdAt, locale),
                }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {share.grantee && (
              <Group gap={6}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('shares.account', { name: share.grantee.fullName })}
                </Text>
                {!share.grantee.fromOneC && (
                  <Badge size="xs" variant="light" color="gray">
                    {t('shares.notInOneC')}
                  </Badge>
                )}
              </Group>
            )}
          </Stack>
          {mode === 'owner' ? (
            <SegmentedControl
              size="xs"
              value={share.access}
              disabled={update.isPending}
              aria-label={t('shares.access')}
              onChange={(v) => update.mutate({ id: share.id, access: v as ShareAccess })}
              data={SHARE_ACCESS.map((a) => ({ value: a, label: t(`shares.accesses.${a}`) }))}
              data-testid="share-access"
            />
          ) : (
            <Badge variant="light" color={share.access === 'full' ? 'blue' : 'gray'}>
              {t(`shares.accesses.${share.access}`)}
            </Badge>
          )}
        </Group>
        <ErrorAlert error={update.error} />
        {mode !== 'viewAs' && (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconUserMinus size={14} />}
              onClick={() => onRevoke(share)}
              data-testid="share-revoke"
            >
              {t('shares.revoke')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/**
 * A contract's shares with family members: the owner shares it by phone, changes what each
 * person may do and revokes; staff see whose accounts they are and revoke; a staff member
 * viewing the owner's cabinet only reads.
 */
export function ContractSharing({
  contractId,
  mode,
  ownPhone = null,
}: {
  contractId: string;
  mode: SharingMode;
  ownPhone?: string | null;
}) {
  const { t } = useTranslation();
  const shares = useContractShares(contractId);
  const revoke = useRevokeShare(contractId);
  const [revoking, setRevoking] = useState<Share | null>(null);
  if (shares.isPending) return <PageLoader />;
  if (!shares.data) {
    return <ErrorAlert error={shares.error} onRetry={() => void shares.refetch()} />;
  }
  const list = shares.data;
  const full = list.length >= SHARE_LIMITS.activePerContract;
  const hint =
    mode === 'owner'
      ? t('shares.hint')
      : mode === 'staff'
        ? t('shares.staffHint')
        : t('shares.viewAsHint');
  return (
    <Stack gap="md" data-testid="contract-sharing">
      <SectionCard title={t('shares.title')}>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {list.length === 0 ? (
          <Text c="dimmed" data-testid="shares-none">
            {t('shares.none')}
          </Text>
        ) : (
          <Stack gap="sm">
            {list.map((s) => (
              <ShareCard
                key={s.id}
                share={s}
                contractId={contractId}
                mode={mode}
                onRevoke={setRevoking}
              />
            ))}
          </Stack>
        )}
        <ErrorAlert error={revoke.error} />
      </SectionCard>
      {mode === 'owner' && (
        <SectionCard title={t('shares.add')}>
          {full ? (
            <Text size="sm" c="dimmed" data-testid="shares-limit">
              {t('shares.limit', { count: SHARE_LIMITS.activePerContract })}
            </Text>
          ) : (
            <ShareForm contractId={contractId} ownPhone={ownPhone} shares={list} />
          )}
        </SectionCard>
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('shares.revokeTitle')}
        centered
      >
        <Stack gap="md">
          <Text>{revoking && t('shares.revokeText', { who: who(revoking) })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('shares.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              data-testid="share-revoke-confirm"
              onClick={() =>
                revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })
              }
            >
              {t('shares.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
