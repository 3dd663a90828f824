import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCustomer, startTestApp, type TestApp } from './helpers';

describe('contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('filters by state and pages', async () => {
    const c = await loginCustomer(t, '+79123456789');
    const active = await c.api.GET('/api/contracts', { params: { query: { state: 'active' } } });
    expect(active.data?.items.map((i) => i.number)).toEqual(['ГМ-000101']);
    const closed = await c.api.GET('/api/contracts', { params: { query: { state: 'closed' } } });
    expect(closed.data?.items.map((i) => i.number)).toEqual(['ГМ-000045']);
    const page2 = await c.api.GET('/api/contracts', {
      params: { query: { pageSize: 1, page: 2 } },
    });
    expect(page2.data).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page2.data?.items.map((i) => i.number)).toEqual(['ГМ-000045']);
    const beyond = await c.api.GET('/api/contracts', {
      params: { query: { pageSize: 1, page: 9 } },
    });
    expect(beyond.data).toMatchObject({ items: [], total: 2 });
  });

  it('refuses bad query values with field messages', async () => {
    const c = await loginCustomer(t, '+79161234567');
    const res = await c.fetch(`${t.baseUrl}/api/contracts?state=open&pageSize=1000`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ path: string }> };
    expect(body.fields.map((f) => f.path).sort()).toEqual(['pageSize', 'state']);
  });

  it('shows a contract with its lines, money as decimal strings', async () => {
    t.clock.advance(11 * 60 * 1000);
    const c = await loginCustomer(t, '+79123456789');
    const list = await c.api.GET('/api/contracts');
    const id = list.data!.items.find((i) => i.number === 'ГМ-000101')!.id;
    const res = await c.api.GET('/api/contracts/{id}', { params: { path: { id } } });
    expect(res.data).toMatchObject({
      number: 'ГМ-000101',
      date: '2026-09-14',
      kind: 'memorial',
      total: '148500.00',
      plannedEndDate: '2027-05-20',
      manager: { fullName: 'Соколова Анна Викторовна', phone: '+74951201001' },
    });
    expect(res.data?.items).toHaveLength(5);
    expect(res.data?.items[3]).toMatchObject({
      lineNo: 4,
      quantity: '40.000',
      price: '150.00',
      amount: '6000.00',
    });
  });

  it('answers 404, not 400, for an id that is not a uuid', async () => {
    t.clock.advance(11 * 60 * 1000);
    const c = await loginCustomer(t, '+79123456789');
    const res = await c.fetch(`${t.baseUrl}/api/contracts/not-a-uuid`);
    expect(res.status).toBe(404);
  });
});
