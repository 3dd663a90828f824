/**
 * What a person is told about. Each kind can go to the cabinet (always) and, per the customer's
 * settings (staff: the defaults), by e-mail and SMS. Who gets which kinds: `NOTIFICATION_AUDIENCES`.
 */
export const NOTIFICATION_KINDS = [
  /** A new contract arrived from 1C. */
  'contract_added',
  /** 1C changed the contract's status. */
  'contract_status',
  /** A payment was received. */
  'payment_received',
  /** The payment schedule changed. */
  'schedule_changed',
  /** An answer to a request to change one's phone or e-mail. */
  'profile_request',
  /** A payment of the schedule is due in a few days (PAYMENT_REMINDER_DAYS). */
  'payment_reminder',
  /** A payment of the schedule was not paid by its date. */
  'payment_overdue',
  /**
   * New messages in a chat (the other side's): one unread notification per chat, counting them.
   * By e-mail and SMS only while still unread after CHAT_NOTIFY_QUIET_MINUTES, at most hourly.
   */
  'chat_message',
  /** Staff asked the customer to approve a message (a layout, a material). */
  'approval_requested',
  /** The customer approved or rejected (`decision`) what staff asked to approve. */
  'approval_decided',
  /** Staff revoked the customer's decision (`reason`): it is to be made again. */
  'approval_revoked',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who a notification can be for. */
export type NotificationAudience = 'customer' | 'staff';

/** Which kinds each side gets: customers everything about their cabinet, staff their chats. */
export const NOTIFICATION_AUDIENCES: Record<NotificationKind, readonly NotificationAudience[]> = {
  contract_added: ['customer'],
  contract_status: ['customer'],
  payment_received: ['customer'],
  schedule_changed: ['customer'],
  profile_request: ['customer'],
  payment_reminder: ['customer'],
  payment_overdue: ['customer'],
  chat_message: ['customer', 'staff'],
  approval_requested: ['customer'],
  approval_decided: ['staff'],
  approval_revoked: ['customer'],
};

/** The kinds a customer gets (and chooses channels for in the profile), in the settings' order. */
export const CUSTOMER_NOTIFICATION_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter(
  (k) => NOTIFICATION_AUDIENCES[k].includes('customer'),
);

/** The kinds about a chat: they open the chat (`/chats/<chatId>`). */
export const CHAT_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'chat_message',
  'approval_requested',
  'approval_decided',
  'approval_revoked',
];

export function isChatNotification(kind: NotificationKind): boolean {
  return CHAT_NOTIFICATION_KINDS.includes(kind);
}

/**
 * Where a notification about a contract opens it: the tab it is about, or null for the contract's
 * overview. The SPA's notification links and the e-mails' links both read it.
 */
export const NOTIFICATION_CONTRACT_TABS: Record<NotificationKind, 'payments' | 'schedule' | null> =
  {
    contract_added: null,
    contract_status: null,
    payment_received: 'payments',
    schedule_changed: 'schedule',
    profile_request: null,
    payment_reminder: 'schedule',
    payment_overdue: 'schedule',
    chat_message: null,
    approval_requested: null,
    approval_decided: null,
    approval_revoked: null,
  };

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Per kind, per channel: on or off. */
export type NotificationSettings = Record<NotificationKind, Record<NotificationChannel, boolean>>;

/**
 * What a customer gets before choosing: e-mail for everything, SMS for money only. Staff have no
 * settings page: they always get these (their chats' news by e-mail, no SMS).
 */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  contract_added: { email: true, sms: false },
  contract_status: { email: true, sms: false },
  payment_received: { email: true, sms: true },
  schedule_changed: { email: true, sms: false },
  profile_request: { email: true, sms: false },
  payment_reminder: { email: true, sms: true },
  payment_overdue: { email: true, sms: true },
  chat_message: { email: true, sms: false },
  approval_requested: { email: true, sms: false },
  approval_decided: { email: true, sms: false },
  approval_revoked: { email: true, sms: false },
};

/** Contact data a customer may ask to change (the change itself is made in 1C). */
export const PROFILE_FIELDS = ['phone', 'email'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const CHANGE_REQUEST_STATUSES = ['pending', 'done', 'rejected'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
