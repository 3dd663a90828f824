/**
 * The company profile (name, logo, brand colour, contacts) that admins set in the app: limits and
 * the colour rule, shared so that the admin form and the API accept exactly the same.
 */
export const COMPANY_LIMITS = {
  name: 100,
  description: 200,
  email: 254,
  address: 500,
  hours: 500,
  phones: 5,
  /** The largest logo file. */
  logoBytes: 1024 * 1024,
} as const;

/** Logo types: web images the browser and the PDF can show, recognised from the bytes. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/**
 * The contrast white text needs on the brand colour (buttons, the active menu item) and the
 * brand colour needs as text on white (links): WCAG 2 AA for normal text.
 */
export const MIN_BRAND_CONTRAST = 4.5;

/** `#1a7f5a`: six hex digits, any case. */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Whether white text reads on the colour (and the colour reads as text on white). */
export function isReadableBrandColor(hex: string): boolean {
  return contrastRatio(hex, '#ffffff') >= MIN_BRAND_CONTRAST;
}

/**
 * The colour itself when it is readable, else the nearest darker shade of it that is (the same
 * hue, mixed with black in small steps): what to suggest when a brand colour is too light.
 */
export function readableShade(hex: string): string {
  const base = channels(hex);
  for (let k = 1; k >= 0; k -= 0.01) {
    const shade = `#${base
      .map((v) =>
        Math.round(v * k)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (isReadableBrandColor(shade)) return shade;
  }
  return '#000000';
}
