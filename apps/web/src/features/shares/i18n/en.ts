import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The shares feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  shares: {
    title: 'Who can see this contract',
    hint: 'Share the contract with someone close to you: they log in with a code sent by SMS to their phone and see only this contract and its chats. You can change or revoke their access at any time.',
    staffHint:
      'Whom the contract’s owner shared it with. You can revoke access here; it is recorded in the audit log.',
    viewAsHint: 'Whom the customer shared the contract with. Only the customer can change this.',
    none: 'The contract is not shared with anyone yet',
    phone: 'Phone',
    name: 'What you call them',
    namePlaceholder: 'For example, my son Peter',
    access: 'What they may do',
    accesses: { read: 'View only', full: 'Full access' },
    accessHints: {
      read: 'Sees the contract, the payment schedule, payments and documents; cannot change anything.',
      full: 'Can also write in the contract’s chats and approve layouts.',
    },
    add: 'Share',
    added: 'Shared. Tell them they can log in with their phone number.',
    revoke: 'Revoke access',
    revokeTitle: 'Revoke access?',
    revokeText: '{{who}} will no longer see this contract.',
    revoked: 'Access revoked',
    cancel: 'Cancel',
    since: 'since {{date}}',
    account: 'Account: {{name}}',
    notInOneC: 'not in 1C',
    limit:
      'The contract is shared with {{count}} people, the most allowed. To add someone, revoke someone’s access first.',
    ownPhone: 'This is your own number: the contract is yours already',
    duplicate: 'This number already has access',
    sharedBy: 'Shared by {{owner}}',
    sharedNotice: {
      read: 'This contract was shared with you by its owner, {{owner}}. View only: nothing can be changed here.',
      full: 'This contract was shared with you by its owner, {{owner}}. You have full access.',
    },
  },
};
