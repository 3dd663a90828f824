import {
  Alert,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowsExchange,
  IconBell,
  IconBuilding,
  IconEye,
  IconAddressBook,
  IconFileText,
  IconHelpCircle,
  IconHome,
  IconLogout,
  IconMessages,
  IconUserCircle,
  IconUserEdit,
  IconUsers,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { showMoney, formatPhone } from '@kabinet/shared';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/PageLoader';
import { useLogout } from '../../features/auth';
import { meKeys, useMe, type Me } from '../../features/me';
import { BrandMark } from '../../features/company';
import { useEndViewAs } from '../../features/customers';
import { useChatsLive, useChatUnread } from '../../features/chats';
import { HeaderBell } from '../../features/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { localeOf } from '../../lib/format';
import { isActive, sidebarFor, type NavIcon } from '../../lib/nav';
import { paths } from '../../lib/paths';
import { socketIdentity } from '../../lib/socket';
import { useSocketConnection } from '../../lib/use-socket';

const ICONS: Record<NavIcon, typeof IconFileText> = {
  home: IconHome,
  contracts: IconFileText,
  chats: IconMessages,
  notifications: IconBell,
  customers: IconUsers,
  changeRequests: IconUserEdit,
  exchange: IconArrowsExchange,
  company: IconBuilding,
  profile: IconUserCircle,
  contacts: IconAddressBook,
  help: IconHelpCircle,
};

/** While staff view a customer's cabinet: whose it is, that it is read-only, and the way back. */
function ViewAsBanner({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const end = useEndViewAs();
  if (!me.viewAs) return null;
  return (
    <Alert
      color="yellow"
      variant="filled"
      icon={<IconEye size={20} />}
      data-testid="view-as-banner"
      mb="md"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="black" fw={500}>
          {t('viewAs.banner', { name: me.fullName })}
        </Text>
        <Button
          size="xs"
          color="dark"
          loading={end.isPending}
          onClick={() =>
            end.mutate(undefined, {
              onSuccess: () => void navigate(paths.customers, { replace: true }),
            })
          }
          data-testid="view-as-back"
        >
          {t('viewAs.back')}
        </Button>
      </Group>
      {end.isError && <ErrorAlert error={end.error} mt="xs" />}
    </Alert>
  );
}

/** The app shell: a sidebar with who I am and the pages my permissions allow; a burger on phones. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // The socket lives while someone is logged in; a refused session makes the app ask again.
  useSocketConnection(
    me ? socketIdentity(me) : null,
    () => void queryClient.invalidateQueries({ queryKey: meKeys.me() }),
  );
  const canChat = Boolean(me?.permissions.includes('chat.read'));
  const chatUnread = useChatUnread(canChat).data?.total ?? 0;
  useChatsLive(me && canChat ? me : null);
  // RequireAuth renders the shell only for a person; after logout it is gone for a moment.
  if (!me) return null;
  const items = sidebarFor(me.permissions);

  const doLogout = () =>
    logout.mutate(undefined, { onSettled: () => void navigate(paths.login, { replace: true }) });

  return (
    <AppShell
      header={{ height: { base: 56, sm: 0 } }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header hiddenFrom="sm" px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
          <BrandMark testId="header-brand" />
          <Group gap="xs" wrap="nowrap">
            {me.permissions.includes('notification.read') && (
              <HeaderBell unread={me.unreadNotifications} />
            )}
            <Burger
              opened={opened}
              onClick={toggle}
              size="sm"
              aria-label={t('nav.menu')}
              aria-expanded={opened}
              data-testid="burger"
            />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" data-testid="sidebar" aria-label={t('nav.menu')}>
        <AppShell.Section>
          <Stack gap={4}>
            <Box visibleFrom="sm" mb="xs">
              <BrandMark testId="sidebar-brand" />
            </Box>
            <Text fw={700} size="lg" data-testid="me-phone">
              {me.kind === 'customer' ? formatPhone(me.phone) : me.login}
            </Text>
            <Text data-testid="me-name">{me.fullName}</Text>
            {me.kind === 'staff' && (
              <Text size="sm" c="dimmed">
                {t(`shell.roles.${me.role}`)}
              </Text>
            )}
            {me.bonusBalance !== null && (
              <Text size="sm" data-testid="me-bonus">
                {t('shell.bonus')}:{' '}
                <Text span fw={700}>
                  {showMoney(me.bonusBalance, 'RUB', localeOf(i18n.language))}
                </Text>
              </Text>
            )}
          </Stack>
        </AppShell.Section>
        <Divider my="md" />
        <AppShell.Section grow component="nav">
          {items.map((item) => {
            const Icon = ICONS[item.icon];
            const unread =
              item.icon === 'notifications'
                ? me.unreadNotifications
                : item.icon === 'chats'
                  ? chatUnread
                  : 0;
            return (
              <NavLink
                key={item.path}
                component={RouterNavLink}
                to={item.path}
                end={item.exact}
                label={t(item.labelKey)}
                leftSection={<Icon size={18} />}
                rightSection={
                  unread > 0 ? (
                    <Badge
                      size="sm"
                      circle={unread < 10}
                      color="red"
                      aria-label={t('shell.unread', { count: unread })}
                      data-testid="unread-count"
                    >
                      {unread > 99 ? '99+' : unread}
                    </Badge>
                  ) : null
                }
                active={isActive(item, location.pathname)}
                onClick={close}
                data-testid={item.testId}
              />
            );
          })}
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap="sm">
            <LanguageSwitch />
            <Button
              variant="default"
              leftSection={<IconLogout size={16} />}
              onClick={doLogout}
              loading={logout.isPending}
              data-testid="logout"
            >
              {t('shell.logout')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1200} mx="auto">
          <ViewAsBanner me={me} />
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
