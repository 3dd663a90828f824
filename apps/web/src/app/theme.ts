import { createTheme, darken, lighten, type MantineColorsTuple } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  headings: { fontWeight: '650' },
});

/**
 * Ten shades around the brand colour, the colour itself at 6 (the primary shade): lighter ones
 * for backgrounds and hovers, darker ones for pressed states.
 */
export function brandPalette(color: string): MantineColorsTuple {
  const light = [0.92, 0.84, 0.7, 0.55, 0.4, 0.2].map((k) => lighten(color, k));
  const dark = [0.12, 0.24, 0.36].map((k) => darken(color, k));
  return [...light, color, ...dark] as unknown as MantineColorsTuple;
}

/** The app's theme with the company's brand colour as the primary one (validated readable). */
export function brandTheme(color: string | null | undefined) {
  if (!color) return theme;
  return createTheme({
    ...theme,
    colors: { brand: brandPalette(color) },
    primaryColor: 'brand',
    primaryShade: 6,
  });
}
