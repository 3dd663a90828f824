/**
 * What a customer is told about. Each kind can go to the cabinet (always) and, per the customer's
 * settings, by e-mail and SMS.
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
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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
  };

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Per kind, per channel: on or off. */
export type NotificationSettings = Record<NotificationKind, Record<NotificationChannel, boolean>>;

/** What a customer gets before choosing: e-mail for everything, SMS for money only. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  contract_added: { email: true, sms: false },
  contract_status: { email: true, sms: false },
  payment_received: { email: true, sms: true },
  schedule_changed: { email: true, sms: false },
  profile_request: { email: true, sms: false },
  payment_reminder: { email: true, sms: true },
  payment_overdue: { email: true, sms: true },
};

/** Contact data a customer may ask to change (the change itself is made in 1C). */
export const PROFILE_FIELDS = ['phone', 'email'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const CHANGE_REQUEST_STATUSES = ['pending', 'done', 'rejected'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];
