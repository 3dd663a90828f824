import {
  AppShell,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconFileText, IconLogout } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/PageLoader';
import { useLogout, useMe } from '../../features/auth';
import { formatMoney, localeOf } from '../../lib/format';
import { navFor, type NavIcon } from '../../lib/nav';
import { paths } from '../../lib/paths';
import { formatPhone } from '../../lib/phone';

const ICONS: Record<NavIcon, typeof IconFileText> = {
  contracts: IconFileText,
  exchange: IconArrowsExchange,
};

/** The app shell: a sidebar with who I am and the pages my permissions allow; a burger on phones. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe().data;
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  // RequireAuth renders the shell only for a person; after logout it is gone for a moment.
  if (!me) return null;
  const items = navFor(me.permissions);

  const doLogout = () =>
    logout.mutate(undefined, { onSettled: () => void navigate(paths.login, { replace: true }) });

  return (
    <AppShell
      header={{ height: { base: 56, sm: 0 } }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header hiddenFrom="sm" px="md">
        <Group h="100%" justify="space-between">
          <Title order={2} size="h5">
            {t('app.name')}
          </Title>
          <Burger
            opened={opened}
            onClick={toggle}
            size="sm"
            aria-label={t('nav.menu')}
            data-testid="burger"
          />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="md" data-testid="sidebar" aria-label={t('nav.menu')}>
        <AppShell.Section>
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700} visibleFrom="sm">
              {t('app.name')}
            </Text>
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
                  {formatMoney(me.bonusBalance, 'RUB', localeOf(i18n.language))}
                </Text>
              </Text>
            )}
          </Stack>
        </AppShell.Section>
        <Divider my="md" />
        <AppShell.Section grow component="nav">
          {items.map((item) => {
            const Icon = ICONS[item.icon];
            return (
              <NavLink
                key={item.path}
                component={RouterNavLink}
                to={item.path}
                label={t(item.labelKey)}
                leftSection={<Icon size={18} />}
                active={location.pathname.startsWith(item.path)}
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
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
