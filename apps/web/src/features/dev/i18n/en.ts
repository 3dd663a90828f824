import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The dev feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  dev: {
    title: 'Dev: SMS outbox',
    hint: 'Messages the development SMS gateway "sent". This page exists only outside production.',
    phone: 'Phone',
    text: 'Text',
    time: 'Time',
    empty: 'No messages yet',
    unavailable: 'Not available in production',
    toLogin: 'To login',
  },
};
