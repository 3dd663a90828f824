import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The change-requests feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  changeRequests: {
    title: 'Contact change requests',
    filter: 'Which requests to show',
    statuses: { pending: 'New', done: 'Done', rejected: 'Rejected' },
    customer: 'Customer',
    request: 'Request',
    previous: 'In 1C: {{value}}',
    comment: 'Customer’s comment: {{text}}',
    created: 'Received {{time}}',
    resolved: '{{status}}: {{name}}, {{time}}',
    done: 'Done',
    reject: 'Reject',
    doneTitle: 'Request done',
    rejectTitle: 'Reject the request',
    doneHint:
      'Mark the request done once you changed the data in 1C: the customer gets a notification and the new data arrives with the next exchange.',
    resolution: 'Comment for the customer',
    resolutionRequired: 'Tell the customer why the request is rejected',
    save: 'Save',
    cancel: 'Cancel',
    empty: 'No requests',
    count: 'Total: {{count}}',
  },
};
