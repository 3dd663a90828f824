import type { Schemas } from '@kabinet/api-client';
import { permissionsOf } from '@kabinet/shared';

export const customerMe: Schemas['MeDto'] = {
  kind: 'customer',
  id: '11111111-1111-4111-8111-111111111111',
  role: 'customer',
  permissions: permissionsOf('customer'),
  fullName: 'Иванова Мария Петровна',
  phone: '+79123456789',
  login: null,
  email: null,
  bonusBalance: '1500.00',
  unreadNotifications: 2,
  viewAs: null,
};

export const managerMe: Schemas['MeDto'] = {
  kind: 'staff',
  id: '22222222-2222-4222-8222-222222222222',
  role: 'manager',
  permissions: permissionsOf('manager'),
  fullName: 'Соколова Анна Викторовна',
  phone: null,
  login: 'sokolova',
  email: 'sokolova@example.com',
  bonusBalance: null,
  unreadNotifications: 0,
  viewAs: null,
};

export const contractSummary: Schemas['ContractSummaryDto'] = {
  id: '33333333-3333-4333-8333-333333333333',
  number: 'ГМ-000101',
  date: '2026-09-14',
  status: 'В работе',
  kind: 'memorial',
  closed: false,
  total: '148500.00',
  paid: '74250.00',
  balanceDue: '74250.00',
  currency: 'RUB',
  customerId: '11111111-1111-4111-8111-111111111111',
  customerName: 'Иванова Мария Петровна',
  managerName: 'Соколова Анна Викторовна',
  changed: false,
  dueNow: '0.00',
  overdue: '0.00',
  overdueSince: null,
  daysOverdue: 0,
};

export const profile: Schemas['ProfileDto'] = {
  fullName: 'Иванова Мария Петровна',
  phone: '+79123456789',
  phoneRaw: '8 (912) 345-67-89',
  email: null,
  bonusBalance: '1500.00',
  requisites: [{ name: 'Адрес', value: 'Москва, ул. Лесная, 5' }],
  legal: null,
  notificationSettings: [
    { kind: 'contract_added', channel: 'email', enabled: true },
    { kind: 'contract_added', channel: 'sms', enabled: false },
    { kind: 'contract_status', channel: 'email', enabled: true },
    { kind: 'contract_status', channel: 'sms', enabled: false },
    { kind: 'payment_received', channel: 'email', enabled: true },
    { kind: 'payment_received', channel: 'sms', enabled: true },
    { kind: 'schedule_changed', channel: 'email', enabled: true },
    { kind: 'schedule_changed', channel: 'sms', enabled: false },
    { kind: 'profile_request', channel: 'email', enabled: true },
    { kind: 'profile_request', channel: 'sms', enabled: false },
    { kind: 'payment_reminder', channel: 'email', enabled: true },
    { kind: 'payment_reminder', channel: 'sms', enabled: true },
    { kind: 'payment_overdue', channel: 'email', enabled: true },
    { kind: 'payment_overdue', channel: 'sms', enabled: true },
  ],
  changeRequests: [
    {
      id: '44444444-4444-4444-8444-444444444444',
      field: 'email',
      value: 'maria@example.ru',
      previousValue: null,
      comment: null,
      status: 'rejected',
      resolution: 'Нужен личный e-mail',
      createdAt: '2026-11-20T10:00:00.000Z',
      resolvedAt: '2026-11-21T10:00:00.000Z',
    },
  ],
  inBooks: true,
  managers: [
    { fullName: 'Соколова Анна Викторовна', phone: '+74951201001', email: 'sokolova@example.com' },
  ],
};

export const notification: Schemas['NotificationDto'] = {
  id: '55555555-5555-4555-8555-555555555555',
  kind: 'payment_received',
  params: { number: 'ГМ-000101', amount: '74250.00', currency: 'RUB' },
  contractId: '33333333-3333-4333-8333-333333333333',
  contractNumber: 'ГМ-000101',
  chatId: null,
  createdAt: '2026-11-22T09:00:00.000Z',
  read: false,
};

/** A stored chat message in chat `c1` by the customer Иванова; `extra` overrides any field. */
export function chatMessage(
  id: string,
  extra: Partial<Schemas['ChatMessageDto']> = {},
): Schemas['ChatMessageDto'] {
  return {
    id,
    chatId: 'c1',
    clientId: null,
    kind: 'text',
    author: { kind: 'customer', id: 'u1', name: 'Иванова', role: 'customer' },
    body: `m${id}`,
    system: null,
    createdAt: '2026-12-01T10:00:00Z',
    attachments: [],
    replacesMessageId: null,
    approval: null,
    ...extra,
  };
}
