/**
 * The access matrix: every route × every actor × own / foreign / missing object → the status the
 * API must answer. Every module adds its routes here; the test walks the whole table.
 *
 * Actors come from the demo company: customer A (Иванова) and B (Смирнов); manager sokolova is
 * responsible for A's contracts, orlov for B's; foreman belov is assigned to B's renovation.
 * `own` is customer A's contract ГМ-000101, `foreign` is customer B's РМ-000017.
 */
import { randomUUID } from 'node:crypto';
import { ACTORS, type Actor } from './actors';
import type { TestApp } from './helpers';

export { ACTORS, type Actor };

/**
 * own/foreign: contracts of customer A/B; ownCustomer/foreignCustomer: A and B themselves;
 * ownChat/foreignChat: the own chats of those contracts.
 * ownShare/foreignShare: a share of A's / B's contract with someone else (made by the test).
 */
export type Target =
  | 'own'
  | 'foreign'
  | 'missing'
  | 'none'
  | 'ownCustomer'
  | 'foreignCustomer'
  | 'ownChat'
  | 'foreignChat'
  | 'ownShare'
  | 'foreignShare';

export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * `{id}` is replaced by the target object's id (in the body too); `{uuid}` in the body by a
   * new UUID per case.
   */
  path: string;
  target: Target;
  body?: unknown;
  expect: Record<Actor, number>;
}

const all = (status: number): Record<Actor, number> =>
  Object.fromEntries(ACTORS.map((a) => [a, status])) as Record<Actor, number>;
const authed = (status: number, overrides: Partial<Record<Actor, number>> = {}) => ({
  ...all(status),
  anonymous: 401,
  ...overrides,
});

/** Everyone logged in gets `status` unless overridden; anonymous gets 401. */
const staffOnly = authed;

/** Who may not see customer A's (B's) contract chat: 404. */
const CHAT_OUTSIDERS_A = {
  customerB: 404,
  managerB: 404,
  estimator: 404,
  measurer: 404,
  foremanB: 404,
} as const;
const CHAT_OUTSIDERS_B = {
  customerA: 404,
  managerA: 404,
  estimator: 404,
  measurer: 404,
  foremanB: 404,
} as const;
/**
 * Staff with share.manage (admin, head, managers) get `status`; customers and the other staff
 * 403 unless overridden; anonymous 401.
 */
const shareStaff = (status: number, overrides: Partial<Record<Actor, number>> = {}) =>
  authed(403, { admin: status, head: status, managerA: status, managerB: status, ...overrides });

export const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/health', target: 'none', expect: all(200) },
  { method: 'GET', path: '/api/dev/outbox', target: 'none', expect: all(200) },
  { method: 'GET', path: '/api/me', target: 'none', expect: authed(200) },
  // The company's contacts: the same for everyone signed in.
  { method: 'GET', path: '/api/company', target: 'none', expect: authed(200) },
  // The brand (name, logo, colour) is public: the login page shows it. Changing it: admins.
  { method: 'GET', path: '/api/company/brand', target: 'none', expect: all(200) },
  { method: 'GET', path: '/api/company/logo/{id}', target: 'missing', expect: all(404) },
  {
    method: 'PUT',
    path: '/api/company',
    target: 'none',
    body: {},
    expect: authed(403, { admin: 400 }),
  },
  {
    method: 'PUT',
    path: '/api/company/logo',
    target: 'none',
    body: {},
    expect: authed(403, { admin: 400 }),
  },
  {
    method: 'DELETE',
    path: '/api/company/logo',
    target: 'none',
    expect: authed(403, { admin: 200 }),
  },
  { method: 'POST', path: '/api/auth/logout', target: 'none', expect: all(204) },
  { method: 'GET', path: '/api/contracts', target: 'none', expect: authed(200) },
  { method: 'GET', path: '/api/contracts/filters', target: 'none', expect: authed(200) },
  { method: 'GET', path: '/api/contracts/summary', target: 'none', expect: authed(200) },
  {
    method: 'GET',
    path: '/api/contracts/{id}',
    target: 'own',
    expect: authed(200, {
      customerB: 404,
      managerB: 404,
      estimator: 404,
      measurer: 404,
      foremanB: 404,
    }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}',
    target: 'foreign',
    expect: authed(200, { customerA: 404, managerA: 404, estimator: 404, measurer: 404 }),
  },
  { method: 'GET', path: '/api/contracts/{id}', target: 'missing', expect: authed(404) },
  // Saying "I opened it": a customer's own visits only (staff: 403; view-as: read-only).
  {
    method: 'POST',
    path: '/api/contracts/{id}/seen',
    target: 'own',
    expect: staffOnly(403, { customerA: 204, customerB: 404 }),
  },
  {
    method: 'POST',
    path: '/api/contracts/{id}/seen',
    target: 'foreign',
    expect: staffOnly(403, { customerA: 404, customerB: 204 }),
  },
  {
    method: 'POST',
    path: '/api/contracts/{id}/seen',
    target: 'missing',
    expect: staffOnly(403, { customerA: 404, customerB: 404 }),
  },
  // A document that is not there, on a contract one may or may not see: 404 either way.
  {
    method: 'GET',
    path: '/api/contracts/{id}/documents/00000000-0000-4000-8000-000000000000/file',
    target: 'own',
    expect: authed(404),
  },
  // The goods and services PDF: the same access as the contract itself.
  {
    method: 'GET',
    path: '/api/contracts/{id}/items.pdf',
    target: 'own',
    expect: authed(200, {
      customerB: 404,
      managerB: 404,
      estimator: 404,
      measurer: 404,
      foremanB: 404,
    }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}/items.pdf',
    target: 'foreign',
    expect: authed(200, { customerA: 404, managerA: 404, estimator: 404, measurer: 404 }),
  },
  { method: 'GET', path: '/api/contracts/{id}/items.pdf', target: 'missing', expect: authed(404) },
  // The 1C exchange: admins only (exchange.read / exchange.manage).
  ...['/api/exchange/status', '/api/exchange/runs', '/api/exchange/exports'].map(
    (path): RouteCase => ({
      method: 'GET',
      path,
      target: 'none',
      expect: authed(403, { admin: 200 }),
    }),
  ),
  {
    method: 'GET',
    path: '/api/exchange/files/{id}/original',
    target: 'missing',
    expect: authed(403, { admin: 404 }),
  },
  {
    method: 'GET',
    path: '/api/exchange/files/{id}/report',
    target: 'missing',
    expect: authed(403, { admin: 404 }),
  },
  {
    method: 'POST',
    path: '/api/exchange/uploads',
    target: 'none',
    body: {},
    expect: authed(403, { admin: 400 }),
  },
  {
    method: 'POST',
    path: '/api/exchange/runs',
    target: 'none',
    expect: authed(403, { admin: 202 }),
  },
  { method: 'POST', path: '/api/auth/logout-everywhere', target: 'none', expect: authed(204) },
  // A customer's own pages: notifications, profile, settings, change requests.
  {
    method: 'GET',
    path: '/api/notifications',
    target: 'none',
    expect: staffOnly(403, { customerA: 200, customerB: 200 }),
  },
  {
    method: 'POST',
    path: '/api/notifications/read',
    target: 'none',
    body: {},
    expect: staffOnly(403, { customerA: 204, customerB: 204 }),
  },
  {
    method: 'GET',
    path: '/api/profile',
    target: 'none',
    expect: staffOnly(403, { customerA: 200, customerB: 200 }),
  },
  {
    method: 'PUT',
    path: '/api/profile/notification-settings',
    target: 'none',
    body: { items: [] },
    expect: staffOnly(403, { customerA: 200, customerB: 200 }),
  },
  {
    method: 'POST',
    path: '/api/profile/change-requests',
    target: 'none',
    body: {},
    expect: staffOnly(403, { customerA: 400, customerB: 400 }),
  },
  // A staff member's own notifications (their chats' news): every staff role, no customer.
  {
    method: 'GET',
    path: '/api/staff/notifications',
    target: 'none',
    expect: authed(200, { customerA: 403, customerB: 403 }),
  },
  {
    method: 'POST',
    path: '/api/staff/notifications/read',
    target: 'none',
    body: {},
    expect: authed(204, { customerA: 403, customerB: 403 }),
  },
  // Staff: the change request queue (managers, head, admin), customers, view as customer.
  {
    method: 'GET',
    path: '/api/change-requests',
    target: 'none',
    expect: staffOnly(403, { admin: 200, head: 200, managerA: 200, managerB: 200 }),
  },
  {
    method: 'POST',
    path: '/api/change-requests/{id}/resolution',
    target: 'missing',
    body: { status: 'done' },
    expect: staffOnly(403, { admin: 404, head: 404, managerA: 404, managerB: 404 }),
  },
  {
    method: 'GET',
    path: '/api/customers',
    target: 'none',
    expect: staffOnly(403, { admin: 200, head: 200, managerA: 200, managerB: 200, operator: 200 }),
  },
  {
    method: 'POST',
    path: '/api/view-as',
    target: 'ownCustomer',
    body: { customerId: '{id}' },
    expect: staffOnly(403, { admin: 204, head: 204, managerA: 204, managerB: 404, operator: 204 }),
  },
  {
    method: 'POST',
    path: '/api/view-as',
    target: 'foreignCustomer',
    body: { customerId: '{id}' },
    expect: staffOnly(403, { admin: 204, head: 204, managerA: 404, managerB: 204, operator: 204 }),
  },
  {
    method: 'POST',
    path: '/api/view-as',
    target: 'missing',
    body: { customerId: '{id}' },
    expect: staffOnly(403, { admin: 404, head: 404, managerA: 404, managerB: 404, operator: 404 }),
  },
  { method: 'DELETE', path: '/api/view-as', target: 'none', expect: authed(204) },

  // Chats: A's contract chat has customer A and manager A; B's has customer B and manager B.
  // Staff who see every chat (admin, head, operator) read it and step in by writing; the rest 404.
  { method: 'GET', path: '/api/chats', target: 'none', expect: authed(200) },
  { method: 'GET', path: '/api/chats/unread', target: 'none', expect: authed(200) },
  {
    method: 'POST',
    path: '/api/chats',
    target: 'none',
    body: {},
    expect: authed(403, { admin: 400, head: 400, managerA: 400, managerB: 400, operator: 400 }),
  },
  ...(
    [
      'GET /api/chats/{id}',
      'GET /api/chats/{id}/messages',
      'GET /api/chats/{id}/materials',
    ] as const
  ).flatMap((route): RouteCase[] => {
    const [method, path] = route.split(' ') as ['GET', string];
    return [
      { method, path, target: 'ownChat', expect: authed(200, CHAT_OUTSIDERS_A) },
      { method, path, target: 'foreignChat', expect: authed(200, CHAT_OUTSIDERS_B) },
      { method, path, target: 'missing', expect: authed(404) },
    ];
  }),
  {
    method: 'POST',
    path: '/api/chats/{id}/messages',
    target: 'ownChat',
    body: { clientId: '{uuid}', body: 'Здравствуйте' },
    expect: authed(201, CHAT_OUTSIDERS_A),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages',
    target: 'foreignChat',
    body: { clientId: '{uuid}', body: 'Здравствуйте' },
    expect: authed(201, CHAT_OUTSIDERS_B),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages',
    target: 'missing',
    body: { clientId: '{uuid}', body: 'Здравствуйте' },
    expect: authed(404),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/read',
    target: 'ownChat',
    body: { lastReadId: '1' },
    expect: authed(200, CHAT_OUTSIDERS_A),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/read',
    target: 'missing',
    body: { lastReadId: '1' },
    expect: authed(404),
  },
  {
    method: 'GET',
    path: '/api/chats/{id}/candidates',
    target: 'ownChat',
    expect: authed(403, { admin: 200, head: 200, managerA: 200, operator: 200, managerB: 404 }),
  },
  {
    method: 'GET',
    path: '/api/chats/{id}/candidates',
    target: 'missing',
    expect: authed(403, { admin: 404, head: 404, managerA: 404, operator: 404, managerB: 404 }),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/participants',
    target: 'ownChat',
    body: { staffUserId: '00000000-0000-4000-8000-000000000000' },
    expect: authed(403, { admin: 400, head: 400, managerA: 400, operator: 400, managerB: 404 }),
  },
  {
    method: 'DELETE',
    path: '/api/chats/{id}/participants/00000000-0000-4000-8000-000000000000',
    target: 'ownChat',
    expect: authed(403, { admin: 404, head: 404, managerA: 404, operator: 404, managerB: 404 }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}/chats',
    target: 'own',
    expect: authed(200, {
      customerB: 404,
      managerB: 404,
      estimator: 404,
      measurer: 404,
      foremanB: 404,
    }),
  },
  { method: 'GET', path: '/api/contracts/{id}/chats', target: 'missing', expect: authed(404) },
  // An upload: who may write is checked before the body is read (not multipart here: 400).
  {
    method: 'POST',
    path: '/api/chats/{id}/attachments',
    target: 'ownChat',
    expect: authed(400, CHAT_OUTSIDERS_A),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/attachments',
    target: 'missing',
    expect: authed(404),
  },
  { method: 'GET', path: '/api/chat-attachments/{id}', target: 'missing', expect: authed(404) },
  {
    method: 'GET',
    path: '/api/chat-attachments/{id}/thumbnail',
    target: 'missing',
    expect: authed(404),
  },

  // Approvals (message 999999999999 does not exist, so nothing changes). Bodies the service
  // refuses after checking access (a past deadline, a blank reason or comment) tell who got in:
  // 400 for those who may act, 403 for a role that may not, 404 for those who cannot see the chat.
  ...(['ownChat', 'foreignChat'] as const).map((target): RouteCase => ({
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval',
    target,
    body: { deadline: '2000-01-01' },
    expect: authed(403, {
      admin: 400,
      head: 400,
      operator: 400,
      managerA: target === 'ownChat' ? 400 : 404,
      managerB: target === 'ownChat' ? 404 : 400,
    }),
  })),
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval',
    target: 'missing',
    body: {},
    expect: authed(403, { admin: 404, head: 404, operator: 404, managerA: 404, managerB: 404 }),
  },
  // Only the customer decides: staff who see the chat 403; the customer: no such approval, 404.
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval/approve',
    target: 'ownChat',
    expect: authed(403, { ...CHAT_OUTSIDERS_A, customerA: 404 }),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval/approve',
    target: 'missing',
    expect: authed(404),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval/reject',
    target: 'ownChat',
    body: { reason: '   ' },
    expect: authed(403, { ...CHAT_OUTSIDERS_A, customerA: 400 }),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval/reject',
    target: 'foreignChat',
    body: { reason: '   ' },
    expect: authed(403, { ...CHAT_OUTSIDERS_B, customerB: 400 }),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval/revoke',
    target: 'ownChat',
    body: { reason: '   ' },
    expect: authed(403, { admin: 400, head: 400, operator: 400, managerA: 400, managerB: 404 }),
  },
  {
    method: 'POST',
    path: '/api/chats/{id}/messages/999999999999/approval/revoke',
    target: 'missing',
    body: { reason: 'Уточнили размеры' },
    expect: authed(403, { admin: 404, head: 404, operator: 404, managerA: 404, managerB: 404 }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}/approvals',
    target: 'own',
    expect: authed(200, {
      customerB: 404,
      managerB: 404,
      estimator: 404,
      measurer: 404,
      foremanB: 404,
    }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}/approvals',
    target: 'foreign',
    expect: authed(200, { customerA: 404, managerA: 404, estimator: 404, measurer: 404 }),
  },
  { method: 'GET', path: '/api/contracts/{id}/approvals', target: 'missing', expect: authed(404) },
  // Pins (attachment 00000000-… does not exist): those who see the chat 404 on it too.
  {
    method: 'GET',
    path: '/api/chats/{id}/attachments/00000000-0000-4000-8000-000000000000/pins',
    target: 'ownChat',
    expect: authed(404),
  },
  ...(['ownChat', 'foreignChat'] as const).map((target): RouteCase => ({
    method: 'POST',
    path: '/api/chats/{id}/attachments/00000000-0000-4000-8000-000000000000/pins',
    target,
    body: { x: 0.5, y: 0.5, body: '   ' },
    expect: authed(400, target === 'ownChat' ? CHAT_OUTSIDERS_A : CHAT_OUTSIDERS_B),
  })),
  {
    method: 'POST',
    path: '/api/chats/{id}/attachments/00000000-0000-4000-8000-000000000000/pins',
    target: 'missing',
    body: { x: 0.5, y: 0.5, body: 'Здесь скол?' },
    expect: authed(404),
  },
  // Family members. A contract's shares: its owner and staff with share.manage who see it.
  {
    method: 'GET',
    path: '/api/contracts/{id}/shares',
    target: 'own',
    expect: shareStaff(200, { customerA: 200, customerB: 404, managerB: 404 }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}/shares',
    target: 'foreign',
    expect: shareStaff(200, { customerA: 404, customerB: 200, managerA: 404 }),
  },
  {
    method: 'GET',
    path: '/api/contracts/{id}/shares',
    target: 'missing',
    expect: shareStaff(404, { customerA: 404, customerB: 404 }),
  },
  // Sharing: the owner only (staff with share.manage: 403 from the service).
  ...(['own', 'foreign', 'missing'] as const).map((target): RouteCase => ({
    method: 'POST',
    path: '/api/contracts/{id}/shares',
    target,
    body: { phone: '+79160000009', access: 'read' },
    expect: staffOnly(403, {
      customerA: target === 'own' ? 201 : 404,
      customerB: target === 'foreign' ? 201 : 404,
    }),
  })),
  ...(['ownShare', 'foreignShare', 'missing'] as const).map((target): RouteCase => ({
    method: 'PATCH',
    path: '/api/shares/{id}',
    target,
    body: { access: 'full' },
    expect: staffOnly(403, {
      customerA: target === 'ownShare' ? 200 : 404,
      customerB: target === 'foreignShare' ? 200 : 404,
    }),
  })),
  // Revoking: the owner and staff who see the contract (a revoked share again: 204).
  {
    method: 'DELETE',
    path: '/api/shares/{id}',
    target: 'ownShare',
    expect: shareStaff(204, { customerA: 204, customerB: 404, managerB: 404 }),
  },
  {
    method: 'DELETE',
    path: '/api/shares/{id}',
    target: 'foreignShare',
    expect: shareStaff(204, { customerA: 404, customerB: 204, managerA: 404 }),
  },
  {
    method: 'DELETE',
    path: '/api/shares/{id}',
    target: 'missing',
    expect: shareStaff(404, { customerA: 404, customerB: 404 }),
  },
  // What others shared with me: customers (staff: an empty list).
  { method: 'GET', path: '/api/shares/received', target: 'none', expect: authed(200) },
];

const MISSING = '00000000-0000-4000-8000-000000000000';

/** The ids of the targets in the demo company (the contract chats once the consumer made them). */
export async function targetIds(t: TestApp): Promise<Record<Target, string>> {
  const rows = await t.sql<{ id: string; number: string }>('SELECT id, number FROM contracts');
  const people = await t.sql<{ id: string; phone: string }>('SELECT id, phone FROM customers');
  await t.settle();
  const chats = await t.sql<{ id: string; number: string }>(
    `SELECT ch.id, c.number FROM chats ch JOIN contracts c ON c.id = ch.contract_id
     WHERE ch.kind = 'contract'`,
  );
  return {
    own: rows.find((r) => r.number === 'ГМ-000101')!.id,
    foreign: rows.find((r) => r.number === 'РМ-000017')!.id,
    missing: MISSING,
    none: '',
    ownCustomer: people.find((p) => p.phone === '+79123456789')!.id,
    foreignCustomer: people.find((p) => p.phone === '+79031112233')!.id,
    ownChat: chats.find((r) => r.number === 'ГМ-000101')!.id,
    foreignChat: chats.find((r) => r.number === 'РМ-000017')!.id,
    // Made by each test its own way (through the API, or straight into the table).
    ownShare: '',
    foreignShare: '',
  };
}

/** A case's body with its placeholders filled in (`{id}`: the target's id, `{uuid}`: a new one). */
export function caseBody(body: unknown, id: string): string {
  return JSON.stringify(body).replace('{id}', id).replace('{uuid}', randomUUID());
}
