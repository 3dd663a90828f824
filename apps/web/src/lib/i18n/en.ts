import { en as auth } from '../../features/auth/i18n/en';
import { en as contracts } from '../../features/contracts/i18n/en';
import { en as dev } from '../../features/dev/i18n/en';
import { en as exchange } from '../../features/exchange/i18n/en';
import { en as home } from '../../features/home/i18n/en';
import { en as notifications } from '../../features/notifications/i18n/en';
import { en as profile } from '../../features/profile/i18n/en';
import { en as customers } from '../../features/customers/i18n/en';
import { en as changeRequests } from '../../features/change-requests/i18n/en';
import { en as company } from '../../features/company/i18n/en';
import { en as help } from '../../features/help/i18n/en';
import { en as shares } from '../../features/shares/i18n/en';
import { en as chats } from '../../features/chats/i18n/en';
import type { Resource } from './index';

/** The app's own words; each feature's are in features/<feature>/i18n and merged here. */
export const en: Resource = {
  app: { name: 'Customer cabinet', company: 'Customer cabinet' },
  common: {
    moreTabsBefore: 'More tabs to the left',
    moreTabsAfter: 'More tabs to the right',
    charCount: '{{length}} of {{max}}',
    loading: 'Loading…',
    retry: 'Retry',
    back: 'Back',
    language: 'Language',
    empty: 'Nothing here yet',
    clear: 'Clear',
  },
  nav: {
    home: 'Home',
    contracts: 'Contracts',
    chats: 'Chats',
    notifications: 'Notifications',
    customers: 'Customers',
    changeRequests: 'Contact change requests',
    exchange: '1C exchange',
    company: 'Company',
    profile: 'Profile and settings',
    contacts: 'Contacts',
    help: 'Help',
    menu: 'Menu',
  },
  shell: {
    logout: 'Log out',
    bonus: 'Bonus points',
    unread: 'Unread: {{count}}',
    bellUnread: 'Notifications, unread: {{count}}',
    roles: {
      customer: 'Customer',
      admin: 'Administrator',
      manager: 'Manager',
      operator: 'Call-centre operator',
      estimator: 'Estimator',
      measurer: 'Measurer',
      foreman: 'Foreman',
      head: 'Head',
    },
  },
  validation: {
    // No-break spaces: the example number never splits across lines.
    phone: 'Enter a phone number, e.g. +7\u00a0912\u00a0345-67-89',
    code: 'The code is 6 digits',
    required: 'Required',
    email: 'Enter an e-mail, e.g. name@example.com',
    tooLong: 'At most {{max}} characters: please shorten the text',
  },
  errors: {
    validation_failed: 'Please check what you entered',
    unauthenticated: 'Log in to continue',
    forbidden: 'You do not have access',
    not_found: 'Not found',
    read_only: 'This is view only: nothing can be changed',
    csrf_failed: 'Your session is out of date: reload the page and try again',
    rate_limited: 'Too many requests. Try again in {{seconds}} s',
    payload_too_large: 'The request is too large',
    malformed_request: 'The request was damaged. Reload the page and try again',
    unsupported_media_type: 'The server does not take data in this form',
    uri_too_long: 'The address is too long',
    headers_too_large: 'The address or the request headers are too long',
    conflict: 'This is already in progress; try again when it finishes',
    unavailable: 'A service we depend on is not reachable right now; try again later',
    otp_invalid: 'The code is wrong or has expired',
    otp_invalid_left: 'Wrong code. Tries left: {{count}}',
    otp_invalid_none: 'The code is wrong or no longer valid. Request a new code',
    otp_attempts_exceeded: 'Too many wrong tries. Request a new code',
    otp_send_limit: 'Too many codes in a row. You can request a new one in {{minutes}} min',
    otp_resend_too_soon: 'A code was just sent. You can request a new one in {{seconds}} s',
    invalid_credentials: 'Wrong login or password',
    account_locked: 'Too many failed attempts. Try again in {{minutes}} min',
    internal: 'Something went wrong. Please try again',
    unknown: 'Something went wrong. Please try again',
    network: 'Cannot reach the server. Check your connection',
    timeout: 'The server did not answer in time. Check your connection and try again',
  },
  notification: {
    contract_added: 'Contract {{number}} was added to your cabinet',
    contract_status: 'Contract {{number}}: status “{{status}}”',
    payment_received: 'Payment of {{amount}} received for contract {{number}}',
    schedule_changed: 'The payment schedule of contract {{number}} changed',
    payment_reminder: 'Reminder: {{amount}} is due on {{date}} for contract {{number}}',
    payment_overdue:
      'Payment of {{amount}} for contract {{number}} is overdue: it was due on {{date}}',
    profile_request_done: 'Your request to change your {{field}} is done',
    profile_request_rejected: 'Your request to change your {{field}} was rejected',
    fields: { phone: 'phone', email: 'e-mail' },
    new: 'New',
    chat_message: 'New message in chat {{chat}}',
    chat_messages: 'New messages in chat {{chat}}: {{n}}',
    approval_requested: 'Your approval is needed in chat {{chat}}',
    approval_requested_until: 'Your approval is needed in chat {{chat}} by {{date}}',
    approval_approved: 'The customer approved in chat {{chat}}',
    approval_rejected: 'The customer rejected an approval in chat {{chat}}',
    approval_revoked: 'A decision in chat {{chat}} was revoked: it is to be made again',
    chatAbout: '{{chat}} on contract {{number}}',
    chatSaid: '{{author}}: “{{text}}”',
    chatFiles: '{{author}}: files ({{n}})',
    reason: 'Reason: {{reason}}',
  },
  viewAs: {
    banner:
      'You see the cabinet of {{name}} exactly as the customer sees it. Nothing can be changed.',
    back: 'Back to my cabinet',
    open: 'Open as the customer',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no such page. Check the address or go to the home page.',
    home: 'Home',
  },
  noAccess: {
    title: 'No access',
    text: 'Your role has no access to this section.',
    textCustomer: 'This section is not part of the customer cabinet.',
    home: 'To the home page',
  },
  ...auth,
  ...contracts,
  ...dev,
  ...exchange,
  ...home,
  ...notifications,
  ...profile,
  ...customers,
  ...changeRequests,
  ...company,
  ...help,
  ...shares,
  ...chats,
};
