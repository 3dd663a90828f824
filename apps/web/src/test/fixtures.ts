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
};
