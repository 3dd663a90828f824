import { Anchor, Box, Center, Group, Paper, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { PageLoader } from '../../../components/PageLoader';
import { paths } from '../../../lib/paths';
import { BrandMark } from '../../company';
import { useDevOutboxAvailable } from '../../dev';
import { useMe } from '../../me';
import { CustomerLogin } from '../components/CustomerLogin';
import { StaffLogin } from '../components/StaffLogin';

/** Only follow `next` within the SPA. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const outboxAvailable = useDevOutboxAvailable();
  const showOutbox = import.meta.env.DEV || outboxAvailable.data === true;
  const next = safeNext(params.get('next'));
  const done = () => void navigate(next, { replace: true });

  if (me.isPending) return <PageLoader />;
  if (me.data) return <Navigate to={next} replace />;

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <BrandMark size="lg" testId="login-brand" />
          <Box flex="none">
            <LanguageSwitch />
          </Box>
        </Group>
        <Title order={1} size="h4">
          {t('login.title')}
        </Title>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Tabs defaultValue="customer" keepMounted={false}>
            <Tabs.List grow mb="md">
              <Tabs.Tab value="customer" data-testid="tab-customer">
                {t('login.customerTab')}
              </Tabs.Tab>
              <Tabs.Tab value="staff" data-testid="tab-staff">
                {t('login.staffTab')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="customer">
              <CustomerLogin onSuccess={done} />
            </Tabs.Panel>
            <Tabs.Panel value="staff">
              <StaffLogin onSuccess={done} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
        {showOutbox && (
          <Anchor component={Link} to={paths.devOutbox} size="sm" ta="center">
            {t('login.devOutbox')}
          </Anchor>
        )}
      </Stack>
    </Center>
  );
}
