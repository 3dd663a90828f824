import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRoleStaff, loginAs } from './actors';
import { ACTORS, ROUTES, caseBody, targetIds, type Actor, type Target } from './access-matrix';
import { startTestApp, type TestApp, type TestClient } from './helpers';

describe('access matrix', () => {
  let t: TestApp;
  let ids: Record<Target, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await addRoleStaff(t);
    ids = await targetIds(t);
    // A share of each customer's contract, made by its owner.
    const share = async (actor: 'customerA' | 'customerB', contractId: string, phone: string) => {
      const owner = await as(actor);
      const res = await owner.api.POST('/api/contracts/{id}/shares', {
        params: { path: { id: contractId } },
        body: { phone, access: 'read' },
      });
      return res.data!.id;
    };
    ids.ownShare = await share('customerA', ids.own, '+79160000001');
    ids.foreignShare = await share('customerB', ids.foreign, '+79160000002');
  });
  afterAll(() => t.close());

  const as = (actor: Actor): Promise<TestClient> => loginAs(t, actor);

  const cases = ROUTES.flatMap((route) =>
    ACTORS.map((actor) => ({ ...route, actor, status: route.expect[actor] })),
  );

  it.each(cases)('$method $path ($target) as $actor → $status', async (c) => {
    // A fresh login per case: logout in the table must not end other cases' sessions.
    t.clock.advance(11 * 60 * 1000); // keep clear of the per-phone code limit
    const client = await as(c.actor);
    const res = await client.fetch(`${t.baseUrl}${c.path.replace('{id}', ids[c.target])}`, {
      method: c.method,
      headers: {
        'x-csrf-token': client.cookies.get('kabinet_csrf') ?? '',
        ...(c.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(c.body ? { body: caseBody(c.body, ids[c.target]) } : {}),
    });
    expect(res.status).toBe(c.status);
  });

  it('lists only what each actor may see', async () => {
    const numbers = async (actor: Actor) => {
      const c = await as(actor);
      t.clock.advance(11 * 60 * 1000);
      const res = await c.api.GET('/api/contracts', { params: { query: { state: 'all' } } });
      return res.data!.items.map((i) => i.number).sort();
    };
    expect(await numbers('customerA')).toEqual(['ГМ-000045', 'ГМ-000101']);
    expect(await numbers('customerB')).toEqual(['РМ-000017']);
    expect(await numbers('managerA')).toEqual(['ГМ-000045', 'ГМ-000101']);
    expect(await numbers('managerB')).toEqual(['ГМ-000112', 'РМ-000017']);
    expect(await numbers('foremanB')).toEqual(['РМ-000017']);
    expect(await numbers('estimator')).toEqual([]);
    expect(await numbers('admin')).toHaveLength(4);
  });
});
