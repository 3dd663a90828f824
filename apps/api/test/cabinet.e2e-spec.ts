import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLES_DIR } from '@kabinet/exchange-1c';
import { TEXT_LIMITS } from '@kabinet/shared';
import { DataSource, type Logger } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import { loginCustomer, loginStaff, startTestApp, type TestApp, type TestClient } from './helpers';

const IVANOVA = '+79123456789';
const SMIRNOV = '+79031112233';
const KUZNETSOVA = '+79161234567';

/** Counts the SQL statements the app sends, through TypeORM's logger (called for every query). */
function countStatements(t: TestApp) {
  const ds = t.app.get(DataSource);
  let n = 0;
  const counting: Logger = {
    logQuery: () => void n++,
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  Object.defineProperty(ds, 'logger', { value: counting, configurable: true });
  return {
    async during<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
      const before = n;
      const result = await fn();
      return { result, statements: n - before };
    },
  };
}

describe('the customer cabinet', () => {
  let t: TestApp;
  let ivanova: TestClient;
  let smirnov: TestClient;
  const contractId = async (c: TestClient, number: string) => {
    const list = await c.api.GET('/api/contracts', { params: { query: { q: number } } });
    return list.data!.items.find((i) => i.number === number)!.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(new Date('2026-11-23T09:00:00Z'));
    ivanova = await loginCustomer(t, IVANOVA);
    smirnov = await loginCustomer(t, SMIRNOV);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.advance(11 * 60 * 1000));

  it('takes the first login as the baseline: nothing is marked changed on the first visit', async () => {
    // Ivanova has a contract closed in 2025 and an active one, both imported before she came.
    const list = await ivanova.api.GET('/api/contracts');
    expect(list.data!.items.map((i) => [i.number, i.changed])).toEqual([
      ['ГМ-000101', false],
      ['ГМ-000045', false],
    ]);
    const since = async () =>
      (
        await t.sql<{ at: Date }>(
          `SELECT first_login_at AS at FROM customers WHERE phone = '${IVANOVA}'`,
        )
      )[0]!.at;
    const first = await since();
    expect(first).toBeInstanceOf(Date);
    // Logging in again does not move the baseline.
    await loginCustomer(t, IVANOVA);
    expect(await since()).toEqual(first);
  });

  it('allocates payments to the schedule: paid, overdue with days, due now, balance', async () => {
    const id = await contractId(ivanova, 'ГМ-000101');
    const res = await ivanova.api.GET('/api/contracts/{id}', { params: { path: { id } } });
    const c = res.data!;
    expect(c).toMatchObject({ total: '148500.00', paid: '74250.00', balanceDue: '74250.00' });
    expect(c.schedule.rows.map((r) => [r.dueDate, r.status, r.paid, r.daysOverdue])).toEqual([
      ['2026-09-14', 'paid', '74250.00', 0],
      ['2026-11-01', 'overdue', '0.00', 22],
      ['2027-05-20', 'due', '0.00', 0],
    ]);
    expect(c.schedule.dueNow).toBe('37125.00');
    expect(c.schedule.next).toEqual({ dueDate: '2027-05-20', outstanding: '37125.00' });
    expect(c.payments).toEqual([
      {
        number: 'ПКО-000311',
        date: '2026-09-14',
        amount: '74250.00',
        currency: 'RUB',
        method: 'Наличные',
        balanceAfter: '74250.00',
      },
    ]);
    expect(c.object.deceased.length).toBeGreaterThan(0);
    expect(c.object.monument).not.toBeNull();
    expect(c.requisites.length).toBeGreaterThan(0);
  });

  it('lets an early payment cover later rows and shows a partial one as overdue', async () => {
    const id = await contractId(smirnov, 'РМ-000017');
    const { data } = await smirnov.api.GET('/api/contracts/{id}', { params: { path: { id } } });
    expect(data!.schedule.rows.map((r) => [r.status, r.paid, r.paidOn, r.daysOverdue])).toEqual([
      ['paid', '379200.00', '2026-09-30', 0],
      ['overdue', '200000.00', null, 8],
      ['due', '0.00', null, 0],
      ['upcoming', '0.00', null, 0],
    ]);
    expect(data!.schedule.dueNow).toBe('116000.00');
    expect(data!.object.renovation).not.toBeNull();
    expect(data!.payments.map((p) => p.balanceAfter)).toEqual(['884800.00', '684800.00']);
  });

  it('gives 404 for another customer’s contract, whoever asks', async () => {
    const theirs = await contractId(smirnov, 'РМ-000017');
    const res = await ivanova.fetch(`${t.baseUrl}/api/contracts/${theirs}`);
    expect(res.status).toBe(404);
  });

  it('marks contracts changed since the last visit, and clears the mark on opening', async () => {
    // The first login is the baseline: what was there already is not "changed", even unopened
    // (this test used to expect every contract marked on the first visit).
    const kuz = await loginCustomer(t, KUZNETSOVA);
    const before = await kuz.api.GET('/api/contracts');
    expect(before.data!.items.map((i) => [i.number, i.changed])).toEqual([['ГМ-000112', false]]);
    const id = before.data!.items[0]!.id;
    // Opening: the page reads the contract and says it was seen.
    await kuz.api.GET('/api/contracts/{id}', { params: { path: { id } } });
    await kuz.api.POST('/api/contracts/{id}/seen', { params: { path: { id } } });
    const after = await kuz.api.GET('/api/contracts');
    expect(after.data!.items[0]!.changed).toBe(false);

    // 1C changes the status: the mark comes back, with a notification.
    const xml = readFileSync(join(SAMPLES_DIR, 'ok', 'demo-granit-master.xml'), 'utf8').replace(
      /(<Номер>ГМ-000112<\/Номер>[\s\S]*?<Наименование>Кабинет.Статус<\/Наименование>\s*<Значение>)[^<]*/,
      '$1Изготовление',
    );
    expect(xml).toContain('Изготовление');
    const file = join(t.exchangeDir, 'status-change.xml');
    writeFileSync(file, xml);
    await t.app.get(ExchangeService).importLocalFile(file, 'cli');
    await t.settle(); // the notification follows from the import's events
    const changed = await kuz.api.GET('/api/contracts');
    expect(changed.data!.items[0]).toMatchObject({ status: 'Изготовление', changed: true });
    const notes = await kuz.api.GET('/api/notifications');
    expect(notes.data!.items[0]).toMatchObject({
      kind: 'contract_status',
      contractNumber: 'ГМ-000112',
      read: false,
      params: { number: 'ГМ-000112', status: 'Изготовление' },
    });
    const me = await kuz.api.GET('/api/me');
    expect(me.data!.unreadNotifications).toBeGreaterThan(0);
    // Opening the contract reads its notifications.
    const page = await kuz.api.GET('/api/contracts/{id}', { params: { path: { id } } });
    expect(page.data!.notifications[0]).toMatchObject({ kind: 'contract_status', read: false });
    await kuz.api.POST('/api/contracts/{id}/seen', { params: { path: { id } } });
    const again = await kuz.api.GET('/api/notifications', {
      params: { query: { unread: true } },
    });
    expect(again.data!.items.filter((n) => n.contractId === id)).toEqual([]);
  });

  it('reads the contract without writing; the page’s "seen" command marks it seen and read', async () => {
    const kuz = await loginCustomer(t, KUZNETSOVA);
    const id = (await kuz.api.GET('/api/contracts')).data!.items[0]!.id;
    // 1C changes the contract: it is marked changed, with an unread notification.
    await t.sql(`UPDATE contracts SET changed_at = now() WHERE id = $1`, [id]);
    await t.sql(
      `INSERT INTO notifications (customer_id, contract_id, kind, params)
       SELECT customer_id, id, 'contract_status', '{}'::jsonb FROM contracts WHERE id = $1`,
      [id],
    );
    const state = async () => ({
      views: await t.sql(
        'SELECT customer_id, seen_at FROM contract_views WHERE contract_id = $1 ORDER BY 1',
        [id],
      ),
      unread: (
        await t.sql('SELECT id FROM notifications WHERE contract_id = $1 AND read_at IS NULL', [id])
      ).length,
      changed: (await kuz.api.GET('/api/contracts')).data!.items[0]!.changed,
    });
    const before = await state();
    expect(before.unread).toBeGreaterThan(0);
    expect(before.changed).toBe(true);

    // GET is a read: twice, and nothing changes.
    for (let i = 0; i < 2; i++) {
      const page = await kuz.api.GET('/api/contracts/{id}', { params: { path: { id } } });
      expect(page.response.status).toBe(200);
      expect(page.data!.changed).toBe(true);
      expect(page.data!.notifications.some((n) => !n.read)).toBe(true);
    }
    expect(await state()).toEqual(before);

    // The command: 204, the visit recorded, the contract's notifications read.
    const seen = await kuz.api.POST('/api/contracts/{id}/seen', { params: { path: { id } } });
    expect(seen.response.status).toBe(204);
    const after = await state();
    expect(after.views).toHaveLength(1);
    expect(after.unread).toBe(0);
    expect(after.changed).toBe(false);
    const page = await kuz.api.GET('/api/contracts/{id}', { params: { path: { id } } });
    expect(page.data!.changed).toBe(false);
    expect(page.data!.lastSeenAt).not.toBeNull();
    expect(page.data!.notifications.every((n) => n.read)).toBe(true);

    // Only one's own contracts: another customer's is 404 and stays as it was.
    const theirs = (await smirnov.api.GET('/api/contracts')).data!.items[0]!.id;
    const views = () => t.sql('SELECT * FROM contract_views WHERE contract_id = $1', [theirs]);
    const theirViews = await views();
    const foreign = await kuz.api.POST('/api/contracts/{id}/seen', {
      params: { path: { id: theirs } },
    });
    expect(foreign.response.status).toBe(404);
    expect(await views()).toEqual(theirViews);
  });

  it('searches, filters and sorts for staff, scoped to what they may see', async () => {
    const head = await loginStaff(t, 'volkova');
    const q = async (c: TestClient, query: Record<string, string>) =>
      (await c.api.GET('/api/contracts', { params: { query } })).data!.items.map((i) => i.number);
    expect(await q(head, { q: '0001' })).toEqual(['ГМ-000112', 'РМ-000017', 'ГМ-000101']);
    expect(await q(head, { q: 'смирнов' })).toEqual(['РМ-000017']);
    expect(await q(head, { q: '8 (903) 111-22-33' })).toEqual(['РМ-000017']);
    expect(await q(head, { q: '111-22' })).toEqual(['РМ-000017']);
    expect(await q(head, { q: '%' + '_' })).toEqual([]);
    expect(await q(head, { sort: 'balanceDue', order: 'desc' })).toEqual([
      'РМ-000017',
      'ГМ-000112',
      'ГМ-000101',
      'ГМ-000045',
    ]);
    expect(await q(head, { status: 'Выполнен' })).toEqual(['ГМ-000045']);
    const orlov = (
      await t.sql<{ id: string }>(`SELECT id FROM staff_users WHERE login = 'orlov'`)
    )[0]!;
    expect(await q(head, { managerId: orlov.id, sort: 'number', order: 'asc' })).toEqual([
      'ГМ-000112',
      'РМ-000017',
    ]);
    const sokolova = await loginStaff(t, 'sokolova');
    expect(await q(sokolova, { q: 'смирнов' })).toEqual([]);
    // The filters offer only what the caller may see.
    const all = (await head.api.GET('/api/contracts/filters')).data!;
    expect(all.statuses).toEqual(expect.arrayContaining(['Выполнен', 'В работе']));
    expect(all.managers.map((m) => m.fullName)).toEqual([
      'Орлов Дмитрий Сергеевич',
      'Соколова Анна Викторовна',
    ]);
    const own = (await sokolova.api.GET('/api/contracts/filters')).data!;
    expect(own.managers.map((m) => m.fullName)).toEqual(['Соколова Анна Викторовна']);
    expect(own.statuses).not.toContain('Черновые работы');
    // The summary counts and sums what the list shows: all of it, not a page.
    for (const who of [smirnov, ivanova, head, sokolova]) {
      const list = (await who.api.GET('/api/contracts', { params: { query: { state: 'all' } } }))
        .data!.items;
      const active = list.filter((c) => !c.closed);
      const kopecks = (a: string) => BigInt(a.replace('.', ''));
      const due = active.reduce((sum, c) => sum + kopecks(c.balanceDue), 0n);
      const summary = (await who.api.GET('/api/contracts/summary')).data!;
      expect(summary.all).toBe(list.length);
      expect(summary.active).toBe(active.length);
      expect(summary.balanceDue).toEqual(
        due === 0n
          ? []
          : [{ currency: 'RUB', amount: `${due / 100n}.${String(due % 100n).padStart(2, '0')}` }],
      );
    }
    expect((await head.api.GET('/api/contracts/summary')).data!.all).toBe(4);
    const customers = await sokolova.api.GET('/api/customers', { params: { query: { q: 'ива' } } });
    expect(customers.data!.items).toEqual([
      expect.objectContaining({ fullName: 'Иванова Мария Петровна', contracts: 2 }),
    ]);
    expect(customers.data!.total).toBe(1);
    // By a contract number; and pages count the whole selection, not the page.
    const byNumber = await head.api.GET('/api/customers', { params: { query: { q: 'РМ-0000' } } });
    expect(byNumber.data!.items.map((c) => c.fullName)).toEqual(['Смирнов Алексей Викторович']);
    const paged = await head.api.GET('/api/customers', {
      params: { query: { pageSize: 1, page: 2 } },
    });
    expect(paged.data!.items).toHaveLength(1);
    expect(paged.data!.total).toBe(3);
    const contractsPaged = await head.api.GET('/api/contracts', {
      params: { query: { pageSize: 2, page: 2, sort: 'number', order: 'asc' } },
    });
    expect(contractsPaged.data!.items.map((i) => i.number)).toEqual(['ГМ-000112', 'РМ-000017']);
    expect(contractsPaged.data!.total).toBe(4);
    const none = await sokolova.api.GET('/api/customers', { params: { query: { q: 'смирнов' } } });
    expect(none.data!.items).toEqual([]);
    const bad = await head.fetch(`${t.baseUrl}/api/contracts?sort=price&q=x`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { fields: Array<{ path: string }> };
    expect(body.fields.map((f) => f.path).sort()).toEqual(['q', 'sort']);
  });

  it('shows what is due now and overdue in the list and the summary, as the schedule tab allocates it', async () => {
    type Money = {
      number: string;
      dueNow: string;
      overdue: string;
      overdueSince: string | null;
      daysOverdue: number;
    };
    const money = (c: Money) => [c.number, c.dueNow, c.overdue, c.overdueSince, c.daysOverdue];
    const list = async (who: TestClient, query: Record<string, string> = {}) =>
      (await who.api.GET('/api/contracts', { params: { query } })).data!.items;
    // Today is 2026-11-23 in Moscow.
    expect((await list(ivanova)).map(money)).toEqual([
      ['ГМ-000101', '37125.00', '37125.00', '2026-11-01', 22],
      ['ГМ-000045', '0.00', '0.00', null, 0],
    ]);
    expect((await list(smirnov)).map(money)).toEqual([
      ['РМ-000017', '116000.00', '116000.00', '2026-11-15', 8],
    ]);
    const head = await loginStaff(t, 'volkova');
    // The list says what the contract's schedule tab says (the page allocates in code).
    for (const item of await list(head)) {
      const page = (
        await head.api.GET('/api/contracts/{id}', { params: { path: { id: item.id } } })
      ).data!;
      expect(money(page)).toEqual(money(item));
      expect(page.schedule.dueNow).toBe(item.dueNow);
      expect(page.schedule.rows.filter((r) => r.status === 'overdue').length > 0).toBe(
        item.overdue !== '0.00',
      );
    }
    expect((await smirnov.api.GET('/api/contracts/summary')).data).toEqual({
      all: 1,
      active: 1,
      balanceDue: [{ currency: 'RUB', amount: '684800.00' }],
      dueNow: [{ currency: 'RUB', amount: '116000.00' }],
      overdue: [{ currency: 'RUB', amount: '116000.00' }],
      overdueSince: '2026-11-15',
      daysOverdue: 8,
    });
    expect((await ivanova.api.GET('/api/contracts/summary')).data).toMatchObject({
      dueNow: [{ currency: 'RUB', amount: '37125.00' }],
      overdue: [{ currency: 'RUB', amount: '37125.00' }],
      overdueSince: '2026-11-01',
      daysOverdue: 22,
    });
    expect((await head.api.GET('/api/contracts/summary')).data).toMatchObject({
      overdue: [{ currency: 'RUB', amount: '153125.00' }],
      daysOverdue: 22,
    });
    // Staff filter and sort by it, searched or not, within what they may see.
    const numbers = async (who: TestClient, query: Record<string, string>) =>
      (await list(who, query)).map((c) => c.number);
    expect(await numbers(head, { overdue: 'true' })).toEqual(['РМ-000017', 'ГМ-000101']);
    expect(await numbers(head, { overdue: 'true', q: '0001' })).toEqual(['РМ-000017', 'ГМ-000101']);
    expect(await numbers(head, { overdue: 'true', state: 'closed' })).toEqual([]);
    expect(await numbers(head, { sort: 'overdue', order: 'desc' })).toEqual([
      'ГМ-000101',
      'РМ-000017',
      'ГМ-000112',
      'ГМ-000045',
    ]);
    expect(await numbers(head, { sort: 'overdue', order: 'desc', q: 'ГМ' })).toEqual([
      'ГМ-000101',
      'ГМ-000112',
      'ГМ-000045',
    ]);
    const sokolova = await loginStaff(t, 'sokolova');
    expect(await numbers(sokolova, { overdue: '1' })).toEqual(['ГМ-000101']);
    const paged = await head.api.GET('/api/contracts', {
      params: { query: { overdue: true, pageSize: 1, page: 2 } },
    });
    expect(paged.data).toMatchObject({ total: 2, items: [{ number: 'ГМ-000101' }] });
    // "Today" is the company's date: ГМ-000112's 48 100 ₽ are due on 30 November.
    const saved = t.clock.now();
    const gm112 = async () => (await list(head, { q: 'ГМ-000112' })).map(money)[0];
    t.clock.set(new Date('2026-11-30T20:59:00Z')); // 23:59 in Moscow
    expect(await gm112()).toEqual(['ГМ-000112', '48100.00', '0.00', null, 0]);
    t.clock.set(new Date('2026-11-30T21:01:00Z')); // 00:01 on 1 December in Moscow
    expect(await gm112()).toEqual(['ГМ-000112', '48100.00', '48100.00', '2026-11-30', 1]);
    t.clock.set(saved);
  });

  it('answers every GET of the cabinet in at most 3 SQL statements, whatever the page size', async () => {
    const counter = countStatements(t);
    const head = await loginStaff(t, 'volkova');
    const id = await contractId(smirnov, 'РМ-000017');
    const gets: Array<[TestClient, string]> = [
      [smirnov, '/api/contracts'],
      [smirnov, '/api/contracts?pageSize=100&sort=balanceDue'],
      [smirnov, '/api/contracts?overdue=true&sort=overdue'],
      [head, '/api/contracts?pageSize=100&overdue=true&sort=overdue'],
      [head, '/api/contracts?page=9&overdue=true'],
      [smirnov, `/api/contracts/${id}`],
      [smirnov, '/api/notifications?pageSize=100'],
      [smirnov, '/api/profile'],
      [smirnov, '/api/contracts/filters'],
      [smirnov, '/api/contracts/summary'],
      [head, '/api/contracts/summary'],
      [head, '/api/contracts?pageSize=100&q=%D0%93%D0%9C'],
      [head, '/api/customers?pageSize=100'],
      [head, `/api/contracts/${id}`],
      [smirnov, `/api/contracts/${id}/items.pdf`],
      [head, `/api/contracts/${id}/items.pdf`],
      [head, '/api/change-requests?pageSize=100'],
    ];
    for (const [client, path] of gets) {
      await client.fetch(`${t.baseUrl}${path}`); // first touch of the session may write it
      const { result, statements } = await counter.during(() =>
        client.fetch(`${t.baseUrl}${path}`),
      );
      expect(result.status, path).toBe(200);
      expect(statements, path).toBeLessThanOrEqual(3);
    }
  });

  it('refuses texts over the shared limits with a 400 that says the limit, storing nothing', async () => {
    const pasted = 'Длинныйкомментарийбезпробелов'.repeat(98); // 2,842 characters
    const long = await smirnov.post('/api/profile/change-requests', {
      field: 'email',
      value: 'smirnov@example.ru',
      comment: pasted,
    });
    expect(long.status).toBe(400);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    expect(((await long.json()) as { fields: unknown[] }).fields).toEqual([
      {
        path: 'comment',
        message: `comment takes at most ${TEXT_LIMITS.changeRequestComment} characters (this one has ${pasted.length})`,
        maxLength: TEXT_LIMITS.changeRequestComment,
      },
    ]);
    expect(
      await t.sql(
        `SELECT 1 FROM profile_change_requests r JOIN customers c ON c.id = r.customer_id
          WHERE c.phone = '${SMIRNOV}'`,
      ),
    ).toEqual([]);
    const value = await smirnov.post('/api/profile/change-requests', {
      field: 'email',
      value: `${'a'.repeat(TEXT_LIMITS.changeRequestValue)}@example.ru`,
    });
    expect(((await value.json()) as { fields: unknown[] }).fields).toMatchObject([
      { path: 'value', maxLength: TEXT_LIMITS.changeRequestValue },
    ]);
    const head = await loginStaff(t, 'volkova');
    const search = await head.fetch(
      `${t.baseUrl}/api/contracts?q=${'7'.repeat(TEXT_LIMITS.search + 1)}`,
    );
    expect(search.status).toBe(400);
    expect(((await search.json()) as { fields: unknown[] }).fields).toMatchObject([
      { path: 'q', maxLength: TEXT_LIMITS.search },
    ]);
    // Exactly at the limit is fine.
    const atLimit = await head.fetch(
      `${t.baseUrl}/api/customers?q=${'7'.repeat(TEXT_LIMITS.search)}`,
    );
    expect(atLimit.status).toBe(200);
  });

  it('takes contact change requests to the manager and 1C, and tells the customer the answer', async () => {
    const bad = await ivanova.post('/api/profile/change-requests', { field: 'phone', value: '12' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { fields: Array<{ path: string }> }).fields[0]!.path).toBe(
      'value',
    );
    const same = await ivanova.post('/api/profile/change-requests', {
      field: 'phone',
      value: '8 912 345-67-89',
    });
    expect(same.status).toBe(400);
    const ok = await ivanova.api.POST('/api/profile/change-requests', {
      body: { field: 'email', value: 'Maria.Ivanova@Example.ru', comment: 'Старая не работает' },
    });
    expect(ok.data).toMatchObject({
      field: 'email',
      value: 'maria.ivanova@example.ru',
      previousValue: 'ivanova.mp@example.ru',
      status: 'pending',
    });
    const twice = await ivanova.post('/api/profile/change-requests', {
      field: 'email',
      value: 'other@example.ru',
    });
    expect(twice.status).toBe(400);
    const exported = await t.sql<{ kind: string; payload: { newValue: string } }>(
      `SELECT kind, payload FROM exchange_export_changes ORDER BY created_at DESC LIMIT 1`,
    );
    expect(exported[0]).toMatchObject({
      kind: 'profile_change_request',
      payload: { newValue: 'maria.ivanova@example.ru' },
    });

    // Orlov does not manage Ivanova: the request is not in his queue and he cannot answer it.
    const orlov = await loginStaff(t, 'orlov');
    const his = await orlov.api.GET('/api/change-requests');
    expect(his.data!.items).toEqual([]);
    const notHis = await orlov.post(`/api/change-requests/${ok.data!.id}/resolution`, {
      status: 'done',
    });
    expect(notHis.status).toBe(404);

    const sokolova = await loginStaff(t, 'sokolova');
    const queue = await sokolova.api.GET('/api/change-requests');
    expect(queue.data!.items.map((r) => [r.customerName, r.value])).toEqual([
      ['Иванова Мария Петровна', 'maria.ivanova@example.ru'],
    ]);
    const noReason = await sokolova.post(`/api/change-requests/${ok.data!.id}/resolution`, {
      status: 'rejected',
    });
    expect(noReason.status).toBe(400);
    const done = await sokolova.api.POST('/api/change-requests/{id}/resolution', {
      params: { path: { id: ok.data!.id } },
      body: { status: 'done', resolution: 'Исправили в 1С' },
    });
    expect(done.error).toBeUndefined();
    expect(done.data).toMatchObject({ status: 'done', resolution: 'Исправили в 1С' });
    const again = await sokolova.post(`/api/change-requests/${ok.data!.id}/resolution`, {
      status: 'rejected',
      resolution: 'нет',
    });
    expect(again.status).toBe(409);
    const profile = await ivanova.api.GET('/api/profile');
    expect(profile.data!.changeRequests[0]).toMatchObject({ status: 'done' });
    expect(profile.data!.inBooks).toBe(true); // 1C keeps her record
    // Who answers her: the manager of her contracts, with the contacts 1C has.
    expect(profile.data!.managers).toEqual([
      {
        fullName: 'Соколова Анна Викторовна',
        phone: expect.stringMatching(/^\+7/),
        email: expect.stringContaining('@'),
      },
    ]);
    await t.settle();
    const notes = await ivanova.api.GET('/api/notifications');
    expect(notes.data!.items[0]).toMatchObject({
      kind: 'profile_request',
      params: { field: 'email', status: 'done', resolution: 'Исправили в 1С' },
    });
    const audit = await t.sql(
      `SELECT action FROM audit_log WHERE action = 'changeRequest.resolve'`,
    );
    expect(audit).toHaveLength(1);
  });

  it('keeps notification settings per kind and channel, refusing unknown ones', async () => {
    const before = await ivanova.api.GET('/api/profile');
    expect(before.data!.notificationSettings).toContainEqual({
      kind: 'payment_received',
      channel: 'sms',
      enabled: true,
    });
    const res = await ivanova.api.PUT('/api/profile/notification-settings', {
      body: { items: [{ kind: 'payment_received', channel: 'sms', enabled: false }] },
    });
    expect(res.data!.notificationSettings).toContainEqual({
      kind: 'payment_received',
      channel: 'sms',
      enabled: false,
    });
    expect(res.data!.notificationSettings).toContainEqual({
      kind: 'payment_received',
      channel: 'email',
      enabled: true,
    });
    const bad = await ivanova.fetch(`${t.baseUrl}/api/profile/notification-settings`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': ivanova.cookies.get('kabinet_csrf') ?? '',
      },
      body: JSON.stringify({ items: [{ kind: 'weather', channel: 'pigeon', enabled: 'yes' }] }),
    });
    expect(bad.status).toBe(400);
    const after = await ivanova.api.GET('/api/profile');
    expect(after.data!.notificationSettings).toEqual(res.data!.notificationSettings);
  });

  it('lets a manager view a customer’s cabinet read-only, audited, and come back', async () => {
    const sokolova = await loginStaff(t, 'sokolova');
    const ivanovaId = (
      await sokolova.api.GET('/api/customers', { params: { query: { q: 'Иванова' } } })
    ).data!.items[0]!.id;
    const smirnovId = (
      await t.sql<{ id: string }>(`SELECT id FROM customers WHERE phone = $1`, [SMIRNOV])
    )[0]!.id;
    const notMine = await sokolova.post('/api/view-as', { customerId: smirnovId });
    expect(notMine.status).toBe(404);

    const start = await sokolova.post('/api/view-as', { customerId: ivanovaId });
    expect(start.status).toBe(204);
    const me = await sokolova.api.GET('/api/me');
    expect(me.data).toMatchObject({
      kind: 'customer',
      fullName: 'Иванова Мария Петровна',
      viewAs: { staffName: 'Соколова Анна Викторовна' },
    });
    const list = await sokolova.api.GET('/api/contracts');
    expect(list.data!.items.map((i) => i.number).sort()).toEqual(['ГМ-000045', 'ГМ-000101']);
    const seenBefore = await t.sql(`SELECT * FROM contract_views WHERE customer_id = $1`, [
      ivanovaId,
    ]);
    await sokolova.api.GET('/api/contracts/{id}', {
      params: { path: { id: list.data!.items[0]!.id } },
    });
    // Her visits are hers: the staff member's look leaves no trace, and may not say "seen".
    const seen = await sokolova.post(`/api/contracts/${list.data!.items[0]!.id}/seen`, {});
    expect(seen.status).toBe(403);
    expect(((await seen.json()) as { code: string }).code).toBe('read_only');
    expect(await t.sql(`SELECT * FROM contract_views WHERE customer_id = $1`, [ivanovaId])).toEqual(
      seenBefore,
    );
    const write = await sokolova.post('/api/profile/change-requests', {
      field: 'phone',
      value: '+79160000000',
    });
    expect(write.status).toBe(403);
    expect(((await write.json()) as { code: string }).code).toBe('read_only');
    const everywhere = await sokolova.post('/api/auth/logout-everywhere', {});
    expect(everywhere.status).toBe(403);

    const end = await sokolova.fetch(`${t.baseUrl}/api/view-as`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': sokolova.cookies.get('kabinet_csrf') ?? '' },
    });
    expect(end.status).toBe(204);
    expect((await sokolova.api.GET('/api/me')).data).toMatchObject({ kind: 'staff', viewAs: null });
    const audit = await t.sql<{ action: string; login: string }>(
      `SELECT a.action, s.login FROM audit_log a JOIN staff_users s ON s.id = a.actor_id
        WHERE a.subject_id = $1 AND a.action LIKE 'customer.viewAs.%' ORDER BY a.at, a.action DESC`,
      [ivanovaId],
    );
    expect(audit).toEqual([
      { action: 'customer.viewAs.start', login: 'sokolova' },
      { action: 'customer.viewAs.end', login: 'sokolova' },
    ]);
  });

  it('logs out everywhere: every session of mine ends', async () => {
    const first = await loginCustomer(t, KUZNETSOVA);
    t.clock.advance(11 * 60 * 1000);
    const second = await loginCustomer(t, KUZNETSOVA);
    const res = await first.post('/api/auth/logout-everywhere', {});
    expect(res.status).toBe(204);
    expect((await second.fetch(`${t.baseUrl}/api/me`)).status).toBe(401);
    expect((await first.fetch(`${t.baseUrl}/api/me`)).status).toBe(401);
  });
});
