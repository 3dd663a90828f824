/** Decimal money strings ("1234.50", "-3.00") summed exactly, in kopecks, never through floats. */
export function sumMoney(values: readonly string[]): string {
  let total = 0n;
  for (const v of values) {
    const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(v.trim());
    if (!m) throw new Error(`Not a money amount: ${v}`);
    const minor = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
    total += m[1] ? -minor : minor;
  }
  const sign = total < 0n ? '-' : '';
  const abs = total < 0n ? -total : total;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
