import { em, getBreakpointValue, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * True while the content area is narrow: phones, and tablets where the sidebar takes its share
 * (below Mantine's `md`). Pages show cards instead of wide tables then.
 */
export function useCompactLayout(): boolean {
  const theme = useMantineTheme();
  const md = getBreakpointValue('md', theme.breakpoints);
  return useMediaQuery(`(max-width: ${em(md - 0.1)})`, false, { getInitialValueInEffect: false });
}
