import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The home feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  home: {
    greeting: 'Hello, {{name}}!',
    myContracts: 'My contracts',
    allContracts: 'All contracts ({{count}})',
    noActive: 'No active contracts',
    balanceTotal: 'Balance due on active contracts',
    ofWhichOverdue: '{{amount}} of it overdue',
    overdueTitle: 'Payment overdue',
    overdueText:
      '{{amount}} overdue: the earliest unpaid payment was due on {{date}}, {{count}} d ago.',
    dueNowTotal: 'Due now in all: {{amount}}.',
    dueTodayTitle: 'Payment due today',
    dueTodayText: '{{amount}} is due today.',
    openSchedule: 'Open the payment schedule',
    openOverdue: 'Show the contracts',
    notifications: 'Notifications',
    allNotifications: 'All notifications',
    noNotifications: 'No notifications yet',
    links: 'Settings and help',
    profile: 'Contact data and requests to change it',
    settings: 'Which notifications to get',
    contacts: 'Contacts of the company and your managers',
    help: 'Answers to common questions',
  },
};
