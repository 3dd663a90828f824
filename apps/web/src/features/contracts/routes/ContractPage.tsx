import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CenteredMessage } from '../../../components/CenteredMessage';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { ApiError } from '../../../lib/api';
import { formatDate, formatMoney, formatQuantity, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatPhone } from '../../../lib/phone';
import { useMe } from '../../auth';
import { useContract } from '../api/get-contract';
import { ContractStatus } from '../components/ContractStatus';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

export function ContractPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const contract = useContract(id);
  const isStaff = useMe().data?.kind === 'staff';

  if (contract.isPending) return <PageLoader />;
  if (contract.error instanceof ApiError && contract.error.status === 404) {
    return (
      <CenteredMessage
        title={t('contract.notFound')}
        linkTo={paths.contracts}
        linkLabel={t('contract.toList')}
      />
    );
  }
  if (contract.error) return <ErrorAlert error={contract.error} />;
  const c = contract.data;
  const money = (v: string) => formatMoney(v, c.currency, locale);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.contracts} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} />
          {t('contract.toList')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('contract.title', { number: c.number })}
          </Title>
          <Text c="dimmed">
            {t('contract.from', { date: formatDate(c.date, locale) })} ·{' '}
            {t(`contracts.kinds.${c.kind}`)}
          </Text>
        </Stack>
        <ContractStatus status={c.status} closed={c.closed} />
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('contract.overview')}
            </Title>
            <Field label={t('contracts.total')}>
              <Text fw={700} size="lg">
                {money(c.total)}
              </Text>
            </Field>
            {c.plannedEndDate && (
              <Field label={t('contract.plannedEnd')}>{formatDate(c.plannedEndDate, locale)}</Field>
            )}
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t(isStaff ? 'contract.managerTitleStaff' : 'contract.managerTitle')}
            </Title>
            {c.manager ? (
              <>
                <Text fw={600}>{c.manager.fullName}</Text>
                {c.manager.phone && (
                  <Anchor href={`tel:${c.manager.phone}`}>
                    <Group gap={6}>
                      <IconPhone size={16} />
                      {formatPhone(c.manager.phone)}
                    </Group>
                  </Anchor>
                )}
                {c.manager.email && (
                  <Anchor href={`mailto:${c.manager.email}`}>
                    <Group gap={6} wrap="nowrap">
                      <IconMail size={16} />
                      <Text span style={{ wordBreak: 'break-all' }}>
                        {c.manager.email}
                      </Text>
                    </Group>
                  </Anchor>
                )}
              </>
            ) : (
              <Text c="dimmed">{t('contract.noManager')}</Text>
            )}
          </Stack>
        </Card>
      </SimpleGrid>

      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('contract.items')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contract.lineNo')}</Table.Th>
                <Table.Th>{t('contract.name')}</Table.Th>
                <Table.Th>{t('contract.itemKind')}</Table.Th>
                <Table.Th ta="right">{t('contract.quantity')}</Table.Th>
                <Table.Th>{t('contract.unit')}</Table.Th>
                <Table.Th ta="right">{t('contract.price')}</Table.Th>
                <Table.Th ta="right">{t('contract.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.items.map((item) => (
                <Table.Tr key={item.lineNo}>
                  <Table.Td>{item.lineNo}</Table.Td>
                  <Table.Td>{item.name}</Table.Td>
                  <Table.Td>{t(`contract.itemKinds.${item.kind}`)}</Table.Td>
                  <Table.Td ta="right">{formatQuantity(item.quantity, locale)}</Table.Td>
                  <Table.Td>{item.unit}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(item.price)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(item.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th colSpan={6} ta="right">
                  {t('contract.itemsTotal')}
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(c.total)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
