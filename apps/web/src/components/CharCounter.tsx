import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../lib/format';

/**
 * "123 из 1 000" under a text field with a limit (TEXT_LIMITS, the API's too); red once the
 * text is longer. Nothing is cut: a pasted text stays whole and the form says to shorten it.
 * `from`: show only from this share of the limit (short fields where the count is rarely news).
 */
export function CharCounter({
  length,
  max,
  from = 0,
}: {
  length: number;
  max: number;
  from?: number;
}) {
  const { t, i18n } = useTranslation();
  if (length < max * from) return null;
  const n = new Intl.NumberFormat(localeOf(i18n.language));
  return (
    <Text
      component="span"
      size="xs"
      c={length > max ? 'red' : 'dimmed'}
      fw={length > max ? 600 : undefined}
      display="block"
      ta="right"
      data-testid="char-counter"
    >
      {t('common.charCount', { length: n.format(length), max: n.format(max) })}
    </Text>
  );
}
