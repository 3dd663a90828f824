import { Fragment, type ReactNode } from 'react';
import {
  Card,
  Divider,
  Group,
  Stack,
  Table,
  Text,
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
  width?: number;
  /** Leave the column out (e.g. staff-only columns for a customer). */
  hidden?: boolean;
  fw?: number;
  testId?: string;
}

/** A line under the list: a total, a tax; the table's footer row, the cards' last lines. */
export interface SummaryLine {
  key: string;
  label: ReactNode;
  value: ReactNode;
  bold?: boolean;
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
  grouped = false,
  summary = [],
  scrollMinWidth,
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
  /** The cards are rows of one bordered card, split by dividers. */
  grouped?: boolean;
  summary?: SummaryLine[];
  /** The table scrolls sideways below this width instead of squeezing its columns. */
  scrollMinWidth?: number;
  testId?: string;
  /** The test id of a table row; a card sets its own. */
  itemTestId?: string;
}) {
  const compact = useCompactLayout();
  const shown = columns.filter((c) => !c.hidden);
  if (compact && grouped) {
    return (
      <Card withBorder radius="md" padding="md" data-testid={testId}>
        <Stack gap="sm">
          {items.map((item, i) => (
            <Fragment key={itemKey(item)}>
              {i > 0 && <Divider />}
              {card(item)}
            </Fragment>
          ))}
          {summary.length > 0 && <Divider />}
          {summary.map((line) => (
            <Group
              key={line.key}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              data-testid={line.testId}
            >
              <Text fw={line.bold ? 700 : 400} size={line.bold ? 'md' : 'sm'}>
                {line.label}
              </Text>
              <Text
                fw={line.bold ? 700 : 400}
                size={line.bold ? 'md' : 'sm'}
                style={{ whiteSpace: 'nowrap' }}
              >
                {line.value}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
    );
  }
  if (compact) {
    return (
      <Stack gap={cardsGap} data-testid={testId}>
        {items.map((item) => (
          <Fragment key={itemKey(item)}>{card(item)}</Fragment>
        ))}
      </Stack>
    );
  }
  const wide = (
    <Table {...table} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {shown.map((c) => (
            <Table.Th key={c.key} ta={c.align} w={c.width}>
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
      {summary.length > 0 && (
        <Table.Tfoot>
          {summary.map((line) => (
            <Table.Tr key={line.key} data-testid={line.testId}>
              <Table.Th colSpan={shown.length - 1} ta="right" fw={line.bold ? 700 : 400}>
                {line.label}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} fw={line.bold ? 700 : 400}>
                {line.value}
              </Table.Th>
            </Table.Tr>
          ))}
        </Table.Tfoot>
      )}
    </Table>
  );
  return scrollMinWidth ? (
    <Table.ScrollContainer minWidth={scrollMinWidth}>{wide}</Table.ScrollContainer>
  ) : (
    wide
  );
}
