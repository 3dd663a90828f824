/**
 * Money as PostgreSQL numeric(14,2) strings, added exactly in minor units (kopecks) as BigInt:
 * never floats. `toMinor('1234.5')` = 123450n; `fromMinor(123450n)` = '1234.50'.
 */
export function toMinor(amount: string): bigint {
  const match = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a money amount: «${amount}»`);
  const [, minus, whole, fraction = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return minus ? -value : value;
}

export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function sumMinor(amounts: Iterable<string>): bigint {
  let total = 0n;
  for (const a of amounts) total += toMinor(a);
  return total;
}

export const minMinor = (a: bigint, b: bigint) => (a < b ? a : b);
