import type { TFunction } from 'i18next';

interface SystemData {
  event?: string;
  person?: { name?: string } | null;
  by?: { name?: string } | null;
}

/** A system line ("Соколова added Петров") in the reader's language, from its data. */
export function systemText(t: TFunction, system: Record<string, unknown> | null): string {
  const data = (system ?? {}) as SystemData;
  const person = data.person?.name ?? '';
  const by = data.by?.name ?? '';
  switch (data.event) {
    case 'added':
      return by ? t('chat.system.added', { by, person }) : t('chat.system.addedSelf', { person });
    case 'removed':
      return t('chat.system.removed', { by, person });
    case 'opened':
      return t('chat.system.opened', { by });
    case undefined:
    default:
      return t('chat.system.unknown');
  }
}
