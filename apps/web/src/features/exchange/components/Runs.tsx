import { Accordion, Pagination, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { runsQuery } from '../api/list-runs';
import { RunItem } from './RunItem';

export function Runs({ running }: { running: boolean }) {
  const { t } = useTranslation();
  // Runs that did not succeed open by default, including ones that appear while the page is
  // open; what the user opens or closes by hand stays that way.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const paged = usePagedQuery((page) => runsQuery(page, running), { keepPageIn: 'state' });
  const { query: runs, items, page, setPage, pages } = paged;
  if (runs.isPending) return <PageLoader />;
  if (runs.isError) return <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  if (!items.length) return <Text c="dimmed">{t('exchange.noRuns')}</Text>;
  const open = items.filter((r) => toggled[r.id] ?? r.status !== 'succeeded').map((r) => r.id);
  const onChange = (next: string[]) =>
    setToggled((prev) => {
      const changed = { ...prev };
      for (const r of items) changed[r.id] = next.includes(r.id);
      return changed;
    });
  return (
    <Stack gap="md">
      <Accordion
        multiple
        variant="separated"
        value={open}
        onChange={onChange}
        data-testid="exchange-runs"
        // The chevron sits by the first line, clear of the run's text however it wraps.
        styles={{
          label: { minWidth: 0 },
          chevron: {
            alignSelf: 'flex-start',
            marginTop: 'var(--mantine-spacing-md)',
            marginInlineStart: 'var(--mantine-spacing-sm)',
          },
        }}
      >
        {items.map((run) => (
          <RunItem key={run.id} run={run} />
        ))}
      </Accordion>
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}
