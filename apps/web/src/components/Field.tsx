import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value: small caps label above, the value below (wraps long words). */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}
