import { Fragment, type ReactNode } from 'react';
import {
  Stack,
  Table,
  type MantineSpacing,
  type TableProps,
  type TableTrProps,
} from '@mantine/core';
import { useCompactLayout } from '../lib/use-compact';

/** One column of the wide layout's table. */
export interface ListColumn<T> {
  key: string;
  head: ReactNode;
  cell: (item: T) => ReactNode;
  align?: 'right';
  /** Dates, amounts and badges keep to one line; names wrap at spaces. */
  nowrap?: boolean;
  minWidth?: number;
  /** Leave the column out (e.g. staff-only columns for a customer). */
  hidden?: boolean;
  fw?: number;
  testId?: string;
}

/**
 * A list that is a table where the content area is wide and cards where it is narrow (phones,
 * and tablets beside the sidebar): the one place that decides which, so every list switches at
 * the same width. The page gives the columns and how one card looks.
 */
export function ResponsiveList<T>({
  items,
  itemKey,
  columns,
  card,
  row,
  table,
  cardsGap = 'sm',
  testId,
  itemTestId,
}: {
  items: T[];
  itemKey: (item: T) => string;
  columns: ListColumn<T>[];
  card: (item: T) => ReactNode;
  /** Extra props of a table row (a click that opens the item, say). */
  row?: (item: T) => TableTrProps;
  table?: TableProps;
  cardsGap?: MantineSpacing;
  testId?: string;
  /** The test id of a table row; a card sets its own. */
  itemTestId?: string;
}) {
  const compact = useCompactLayout();
  const shown = columns.filter((c) => !c.hidden);
  if (compact) {
    return (
      <Stack gap={cardsGap} data-testid={testId}>
        {items.map((item) => (
          <Fragment key={itemKey(item)}>{card(item)}</Fragment>
        ))}
      </Stack>
    );
  }
  return (
    <Table {...table} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {shown.map((c) => (
            <Table.Th key={c.key} ta={c.align}>
              {c.head}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={itemKey(item)} data-testid={itemTestId} {...row?.(item)}>
            {shown.map((c) => (
              <Table.Td
                key={c.key}
                ta={c.align}
                miw={c.minWidth}
                fw={c.fw}
                data-testid={c.testId}
                style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
              >
                {c.cell(item)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
