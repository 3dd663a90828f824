import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../lib/format';
import type { ExchangeFile } from '../api/list-runs';

type Warning = ExchangeFile['warnings'][number];
type Skipped = ExchangeFile['skippedSections'][number];
type TFunction = ReturnType<typeof useTranslation>['t'];

/**
 * `t` for a key made from the file's codes (a union of unions): checked as a plain key, as the
 * product of the unions is more than the compiler's types can expand (the words are all there,
 * `i18n.test.ts` compares the languages' keys).
 */
function dynamic(t: TFunction) {
  return t as unknown as (key: string, options?: Record<string, unknown>) => string;
}

/** Warnings shown on the page; the report has the rest (the API keeps the first 200). */
const SHOWN = 10;

const KNOWN_SECTIONS = [
  'Каталог',
  'Классификатор',
  'ПакетПредложений',
  'ИзмененияПакетаПредложений',
  'Документ',
] as const;
const UNITS = ['Товар', 'Предложение', 'Группа', 'Свойство'] as const;
type Unit = (typeof UNITS)[number];
const isUnit = (k: string): k is Unit => (UNITS as readonly string[]).includes(k);

/** `540 товаров, 6 свойств`: what a skipped section held, with the language's plural forms. */
function itemsText(items: Record<string, number>, t: TFunction, locale: string): string {
  const rules = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return Object.entries(items)
    .map(([unit, n]) => {
      if (!isUnit(unit)) return `${number.format(n)} × ${unit}`;
      const form = rules.select(n);
      const key = form === 'one' ? 'one' : form === 'few' ? 'few' : 'many';
      const word = dynamic(t)(`exchange.units.${unit}.${key}`);
      return `${number.format(n)} ${word}`;
    })
    .join(', ');
}

export function skippedText(s: Skipped, t: TFunction, locale: string): string {
  const held = itemsText(s.items, t, locale);
  const section = (KNOWN_SECTIONS as readonly string[]).includes(s.element)
    ? (s.element as (typeof KNOWN_SECTIONS)[number])
    : 'other';
  return dynamic(t)(`exchange.skippedSection.${section}`, {
    items: held ? ` (${held})` : '',
    detail: s.detail ?? '—',
    count: s.count,
    element: s.element,
  });
}

export function warningText(w: Warning, t: TFunction): string {
  return dynamic(t)(`exchange.warning.${w.code}`, { ...w.params, record: w.record });
}

/**
 * What an imported file's report says, on the page: the values 1C left empty or wrong (with the
 * line, so the 1C programmer finds them) and the parts of the file Kabinet did not import.
 */
export function FileNotes({ f }: { f: ExchangeFile }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  if (!f.warningCount && !f.skippedSections.length) return null;
  const more = f.warningCount - Math.min(SHOWN, f.warnings.length);
  return (
    <Stack gap="xs">
      {f.warningCount > 0 && (
        <Alert
          color="orange"
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={18} />}
          title={t('exchange.fileWarnings', { count: f.warningCount })}
          data-testid="exchange-file-warnings"
        >
          <Text size="sm" mb={6}>
            {t('exchange.warningsHint')}
          </Text>
          <List size="sm" spacing={4}>
            {f.warnings.slice(0, SHOWN).map((w, i) => (
              <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                <Text span size="sm" c="dimmed">
                  {t('exchange.warningLine', { line: w.line })}
                </Text>{' '}
                · {warningText(w, t)}
              </List.Item>
            ))}
          </List>
          {more > 0 && (
            <Text size="sm" c="dimmed" mt={6}>
              {t('exchange.moreWarnings', { count: more })}
            </Text>
          )}
        </Alert>
      )}
      {f.skippedSections.length > 0 && (
        <Alert
          color="gray"
          variant="light"
          p="xs"
          icon={<IconInfoCircle size={18} />}
          title={t('exchange.notImported')}
          data-testid="exchange-file-skipped"
        >
          <List size="sm" spacing={4}>
            {f.skippedSections.map((s, i) => (
              <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                {skippedText(s, t, locale)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
