import { Pagination, Stack, Text } from '@mantine/core';
import { pageCount } from '../lib/paging';
import { useCompactLayout } from '../lib/use-compact';

/**
 * The footer of a paged list: the page switcher (only when there is more than one page; fewer
 * page buttons on phones) above the count of items. Nothing for an empty list.
 */
export function ListPager({
  page,
  total,
  pageSize,
  onChange,
  label,
  testId,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
  /** The count as words, e.g. "Всего: 42". */
  label: string;
  /** Test id of the count line. */
  testId?: string;
}) {
  const compact = useCompactLayout();
  if (total <= 0) return null;
  const pages = pageCount(total, pageSize);
  return (
    <Stack align="center" gap={4}>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onChange}
          siblings={compact ? 0 : 1}
        />
      )}
      <Text size="xs" c="dimmed" data-testid={testId}>
        {label}
      </Text>
    </Stack>
  );
}
