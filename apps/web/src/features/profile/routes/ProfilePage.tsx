import {
  Alert,
  Button,
  Divider,
  Grid,
  Group,
  Modal,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  NOTIFICATION_CHANNELS,
  CUSTOMER_NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  showMoney,
  formatPhone,
} from '@kabinet/shared';
import { IconCheck, IconLogout, IconMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDateTime, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatRequestValue } from '../../../lib/phone';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { useLogout } from '../../auth';
import { useMe } from '../../me';
import { ChangeRequestStatusBadge } from '../../../components/ChangeRequestStatusBadge';
import { SectionCard } from '../../../components/SectionCard';
import { UserText } from '../../../components/UserText';
import { Field } from '../../../components/Field';
import { useProfile, type Profile } from '../api/get-profile';
import { useUpdateNotificationSetting } from '../api/notification-settings';
import { ChangeRequestForm } from '../components/ChangeRequestForm';
import { LegalDetails } from '../components/LegalDetails';

function Contacts({ p, readOnly }: { p: Profile; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState(false);
  const notSet = (
    <Text c="dimmed" span>
      {t('profile.notSet')}
    </Text>
  );
  return (
    <SectionCard title={t('profile.contacts')} id="profile-contacts" testId="profile-contacts">
      <Text size="sm" c="dimmed" data-testid="profile-contacts-hint">
        {t(p.inBooks ? 'profile.contactsHint' : 'profile.contactsNotInBooks')}
      </Text>
      <Field label={t(p.legal ? 'profile.companyName' : 'profile.fullName')}>{p.fullName}</Field>
      <Field label={t('profile.phone')}>
        {p.phone ? formatPhone(p.phone) : (p.phoneRaw ?? notSet)}
        {!p.phone && p.phoneRaw && (
          <Text size="xs" c="dimmed">
            {t('profile.phoneNotANumber')}
          </Text>
        )}
        {p.phoneRaw && p.phone && formatPhone(p.phone) !== p.phoneRaw && (
          <Text size="xs" c="dimmed">
            {t('profile.phoneRaw', { raw: p.phoneRaw })}
          </Text>
        )}
      </Field>
      <Field label={t('profile.email')}>{p.email ?? notSet}</Field>
      <Field label={t('profile.bonus')}>
        {showMoney(p.bonusBalance, 'RUB', localeOf(i18n.language))}
      </Field>
      {p.requisites.map((r) => (
        <Field key={r.name} label={r.name}>
          {r.value}
        </Field>
      ))}
      {sent && (
        <Alert color="green" icon={<IconCheck size={18} />} data-testid="change-request-sent">
          {t('profile.sent')}
        </Alert>
      )}
      {!p.inBooks ? null : editing ? (
        <ChangeRequestForm
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setSent(true);
          }}
        />
      ) : (
        <Group>
          <Button
            variant="light"
            onClick={() => {
              setSent(false);
              setEditing(true);
            }}
            disabled={readOnly}
            title={readOnly ? t('profile.readOnly') : undefined}
            data-testid="change-request-open"
          >
            {t('profile.requestChange')}
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}

function Requests({ p }: { p: Profile }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <SectionCard title={t('profile.requests')} id="profile-requests" testId="profile-requests">
      {p.changeRequests.length === 0 ? (
        <Text c="dimmed">{t('profile.noRequests')}</Text>
      ) : (
        <Stack gap="sm">
          {p.changeRequests.map((r, i) => (
            <Stack key={r.id} gap={4} data-testid="change-request">
              {i > 0 && <Divider mb="xs" />}
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {t('profile.requestValue', {
                    field: t(`profile.fields.${r.field}`),
                    value: formatRequestValue(r.field, r.value),
                  })}
                </Text>
                <ChangeRequestStatusBadge status={r.status} />
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(r.createdAt, locale)}
                {r.previousValue
                  ? ` · ${t('profile.previous', { value: formatRequestValue(r.field, r.previousValue) })}`
                  : ''}
              </Text>
              {r.comment && (
                <UserText size="sm" data-testid="change-request-comment">
                  {r.comment}
                </UserText>
              )}
              {r.resolution && (
                <UserText size="sm" c={r.status === 'rejected' ? 'red' : undefined}>
                  {t('profile.answer', { text: r.resolution })}
                </UserText>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/**
 * A setting as text while staff view the cabinet as the customer: the customer's real choice,
 * plainly visible (a disabled switch is greyed out until on and off look alike).
 */
function ReadOnlySetting(props: { on: boolean; label: string; channel?: string; testId: string }) {
  const { t } = useTranslation();
  const state = t(props.on ? 'profile.settingOn' : 'profile.settingOff');
  return (
    <Group
      gap={4}
      wrap="nowrap"
      role="img"
      aria-label={`${props.label}: ${state}`}
      data-testid={props.testId}
      data-checked={props.on}
    >
      {props.on ? (
        <IconCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
      ) : (
        <IconMinus size={18} color="var(--mantine-color-gray-6)" aria-hidden />
      )}
      <Text size="sm" fw={props.on ? 600 : 400} c={props.on ? 'teal.8' : 'gray.7'}>
        {props.channel ? `${props.channel}: ${state}` : state}
      </Text>
    </Group>
  );
}

function Settings({ p, readOnly }: { p: Profile; readOnly: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationSetting();
  const enabled = (kind: NotificationKind, channel: NotificationChannel) =>
    p.notificationSettings.find((s) => s.kind === kind && s.channel === channel)?.enabled ?? false;
  // On a phone each switch says its channel; in the table the column head does.
  const toggle = (kind: NotificationKind, channel: NotificationChannel, labelled: boolean) =>
    readOnly ? (
      <ReadOnlySetting
        on={enabled(kind, channel)}
        label={`${t(`profile.kinds.${kind}`)}: ${t(`profile.channels.${channel}`)}`}
        channel={labelled ? t(`profile.channels.${channel}`) : undefined}
        testId={`setting-${kind}-${channel}`}
      />
    ) : (
      <Switch
        checked={enabled(kind, channel)}
        disabled={readOnly}
        onChange={(e) => update.mutate({ kind, channel, enabled: e.currentTarget.checked })}
        aria-label={`${t(`profile.kinds.${kind}`)}: ${t(`profile.channels.${channel}`)}`}
        label={labelled ? t(`profile.channels.${channel}`) : undefined}
        data-testid={`setting-${kind}-${channel}`}
      />
    );
  return (
    <SectionCard
      title={t('profile.settings')}
      id="notification-settings"
      testId="notification-settings"
    >
      <Text size="sm" c="dimmed">
        {t(readOnly ? 'profile.settingsReadOnly' : 'profile.settingsHint')}
      </Text>
      <ResponsiveList<NotificationKind>
        items={[...CUSTOMER_NOTIFICATION_KINDS]}
        itemKey={(kind) => kind}
        table={{ verticalSpacing: 'xs' }}
        columns={[
          { key: 'event', head: t('profile.event'), cell: (kind) => t(`profile.kinds.${kind}`) },
          ...NOTIFICATION_CHANNELS.map((channel) => ({
            key: channel,
            head: t(`profile.channels.${channel}`),
            width: 90,
            cell: (kind: NotificationKind) => toggle(kind, channel, false),
          })),
        ]}
        card={(kind) => (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t(`profile.kinds.${kind}`)}
            </Text>
            <Group gap="lg">
              {NOTIFICATION_CHANNELS.map((channel) => (
                <span key={channel}>{toggle(kind, channel, true)}</span>
              ))}
            </Group>
          </Stack>
        )}
      />
      <ErrorAlert error={update.error} />
    </SectionCard>
  );
}

function Session() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const everywhere = useLogout({ everywhere: true });
  const [confirming, { open, close }] = useDisclosure(false);
  const toLogin = () => void navigate(paths.login, { replace: true });
  return (
    <SectionCard title={t('profile.session')} id="profile-session" testId="profile-session">
      <Text size="sm" c="dimmed">
        {t('profile.logoutEverywhereHint')}
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconLogout size={16} />}
          loading={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: toLogin })}
        >
          {t('profile.logout')}
        </Button>
        <Button color="red" variant="light" onClick={open} data-testid="logout-everywhere">
          {t('profile.logoutEverywhere')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={close} title={t('profile.logoutEverywhere')} centered>
        <Stack>
          <Text>{t('profile.confirmEverywhere')}</Text>
          <ErrorAlert error={everywhere.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('profile.cancel')}
            </Button>
            <Button
              color="red"
              loading={everywhere.isPending}
              onClick={() => everywhere.mutate(undefined, { onSuccess: toLogin })}
              data-testid="logout-everywhere-confirm"
            >
              {t('profile.logoutEverywhere')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}

/** My contact data as 1C has it, requests to change it, notification settings, sessions. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const readOnly = Boolean(useMe().data?.viewAs);
  if (profile.isPending) return <PageLoader />;
  if (!profile.data) {
    return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const p = profile.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('profile.title')}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Contacts p={p} readOnly={readOnly} />
            {p.legal && <LegalDetails legal={p.legal} />}
            {p.inBooks && <Requests p={p} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <Settings p={p} readOnly={readOnly} />
            {!readOnly && <Session />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
