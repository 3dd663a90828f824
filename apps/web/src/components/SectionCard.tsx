import { Card, Group, Stack, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A bordered card with a section heading (h2 drawn as h4), an optional icon before it and an
 * optional action (a link, a button) at the far end of the heading row, then the content.
 * `fill` stretches the card to its grid cell, so cards side by side are equally tall.
 */
export function SectionCard({
  title,
  icon,
  action,
  id,
  testId,
  gap = 'sm',
  fill = false,
  children,
}: {
  title: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  id?: string;
  testId?: string;
  gap?: MantineSpacing;
  fill?: boolean;
  children: ReactNode;
}) {
  const heading = (
    <Title order={2} size="h4">
      {title}
    </Title>
  );
  const height = fill ? '100%' : undefined;
  return (
    <Card withBorder radius="md" padding="md" h={height} id={id} data-testid={testId}>
      <Stack gap={gap} h={height}>
        {icon || action ? (
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              {icon}
              {heading}
            </Group>
            {action}
          </Group>
        ) : (
          heading
        )}
        {children}
      </Stack>
    </Card>
  );
}
