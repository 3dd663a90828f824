import cronstrue from 'cronstrue';
import 'cronstrue/locales/ru';

/**
 * A cron schedule in words in the reader's language (cronstrue: "Каждую минуту", "Every 5
 * minutes"), or null when cronstrue cannot read it. pg-boss runs cron in UTC: `utc` says whether
 * the schedule names hours, so the reader should know the time zone.
 */
export function describeCron(
  cron: string,
  language: string,
): { text: string; utc: boolean } | null {
  try {
    const text = cronstrue.toString(cron, {
      locale: language.startsWith('ru') ? 'ru' : 'en',
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
    const hours = cron.trim().split(/\s+/)[1] ?? '*';
    return { text, utc: /\d/.test(hours) && !hours.startsWith('*/') };
  } catch {
    return null;
  }
}

/** A duration with units in the reader's language: «0,2 с», «2 мин 5 с», "0.2 secs". */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: 'minute' | 'second') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  if (ms < 60_000) return unit(ms / 1000, 'second');
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds
    ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}`
    : unit(minutes, 'minute');
}
