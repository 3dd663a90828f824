import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '@kabinet/shared';
import { DomainError } from '../src/common/domain-error';
import { AccessService } from '../src/modules/access/access.service';
import type { AuthContext } from '../src/modules/auth/auth-context';
import { DEMO_FILE } from '../src/modules/demo/demo-data';
import { ExchangeService } from '../src/modules/exchange/exchange.service';
import {
  loginCustomer,
  loginStaff,
  primeCsrf,
  startTestApp,
  type TestApp,
  type TestClient,
} from './helpers';

const OWNER = '+79123456789'; // Иванова: ГМ-000101 (active) and ГМ-000045 (closed)
const SON = '+79165550011'; // no one's: gets an account made for the share
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('family members: sharing a contract', () => {
  let t: TestApp;
  let owner: TestClient;
  const ids = { main: '', closed: '', foreign: '' };
  let shareId = '';
  let sonId = '';

  /** A fresh login, clear of the per-phone code limit. */
  const login = (phone: string) => {
    t.clock.advance(11 * 60 * 1000);
    return loginCustomer(t, phone);
  };
  const customerAuth = (userId: string): AuthContext => ({
    sessionId: 'test',
    kind: 'customer',
    userId,
    role: 'customer',
    permissions: new Set(permissionsOf('customer')),
  });
  const numbers = async (c: TestClient) =>
    (await c.api.GET('/api/contracts', { params: { query: { state: 'all' } } }))
      .data!.items.map((i) => i.number)
      .sort();
  const audit = (action: string) =>
    t.sql<{ actor_id: string | null; subject_id: string; details: Record<string, unknown> }>(
      `SELECT actor_id, subject_id, details FROM audit_log WHERE action = $1 ORDER BY at, id`,
      [action],
    );
  const events = (type: string) =>
    t.sql<{ source: string; contract_id: string; customer_id: string; payload: object }>(
      `SELECT source, contract_id, customer_id, payload FROM domain_events
        WHERE type = $1 ORDER BY id`,
      [type],
    );
  async function importDemo(name: string, edit: (xml: string) => string): Promise<void> {
    const path = join(t.exchangeDir, name);
    await writeFile(path, edit(await readFile(DEMO_FILE, 'utf8')));
    const result = await t.app.get(ExchangeService).importLocalFile(path, 'cli');
    const file = result.files[0]!;
    expect(file.status === 'failed' ? file.report : file.status).toBe('imported');
    await t.settle();
  }

  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.sql<{ id: string; number: string }>('SELECT id, number FROM contracts');
    const byNumber = (n: string) => rows.find((r) => r.number === n)!.id;
    ids.main = byNumber('ГМ-000101');
    ids.closed = byNumber('ГМ-000045');
    ids.foreign = byNumber('РМ-000017');
    owner = await login(OWNER);
  });
  afterAll(() => t.close());

  it('the owner shares a contract by phone: an account not from 1C, audited, told', async () => {
    const res = await owner.api.POST('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
      body: { phone: '8 (916) 555-00-11', access: 'read', name: '  Сын  ' },
    });
    expect(res.response.status).toBe(201);
    expect(res.data).toMatchObject({
      contractId: ids.main,
      phone: SON,
      name: 'Сын',
      access: 'read',
      grantee: null, // the owner is not told whose account the phone is
    });
    shareId = res.data!.id;
    const [account] = await t.sql<{ id: string; external_id: string | null; full_name: string }>(
      `SELECT id, external_id, full_name FROM customers WHERE phone = $1 AND archived_at IS NULL`,
      [SON],
    );
    expect(account).toMatchObject({ external_id: null, full_name: 'Сын' });
    sonId = account!.id;
    const ownerId = (await owner.api.GET('/api/me')).data!.id;
    expect(await audit('contract.share.create')).toEqual([
      {
        actor_id: ownerId,
        subject_id: ids.main,
        details: {
          actorKind: 'customer',
          shareId,
          granteeCustomerId: sonId,
          phone: SON,
          access: 'read',
        },
      },
    ]);
    expect(await events('contract.shared')).toEqual([
      {
        source: 'api',
        contract_id: ids.main,
        customer_id: ownerId,
        payload: { shareId, granteeCustomerId: sonId, access: 'read' },
      },
    ]);
    const list = await owner.api.GET('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
    });
    expect(list.data?.map((s) => [s.phone, s.access])).toEqual([[SON, 'read']]);
  });

  it('refuses one’s own phone, a second share, a bad phone and more than the limit', async () => {
    const share = (id: string, phone: string) =>
      owner.api.POST('/api/contracts/{id}/shares', {
        params: { path: { id } },
        body: { phone, access: 'full' },
      });
    for (const phone of [OWNER, '+7 916 555-00-11', '12345']) {
      const res = await share(ids.main, phone);
      expect(res.response.status).toBe(400);
      expect((res.error as { fields: Array<{ path: string }> }).fields).toEqual([
        expect.objectContaining({ path: 'phone' }),
      ]);
    }
    for (let i = 0; i < 10; i++) {
      expect(
        (await share(ids.closed, `+7916700${String(i).padStart(4, '0')}`)).response.status,
      ).toBe(201);
    }
    const over = await share(ids.closed, '+79167009999');
    expect(over.response.status).toBe(400);
    expect(JSON.stringify(over.error)).toContain('at most 10');
    // Not someone else's contract, not a missing one; staff do not share.
    expect((await share(ids.foreign, '+79167008888')).response.status).toBe(404);
    expect((await share(MISSING, '+79167008888')).response.status).toBe(404);
    const head = await loginStaff(t, 'volkova');
    const byStaff = await head.api.POST('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
      body: { phone: '+79167008888', access: 'read' },
    });
    expect(byStaff.response.status).toBe(403);
    // Clean up the ten: revoked by the owner.
    const ten = await owner.api.GET('/api/contracts/{id}/shares', {
      params: { path: { id: ids.closed } },
    });
    for (const s of ten.data!) {
      const del = await owner.api.DELETE('/api/shares/{id}', { params: { path: { id: s.id } } });
      expect(del.response.status).toBe(204);
    }
  });

  it('while a 1C import gives phones out, only a 1C customer’s phone can be shared', async () => {
    // What an import holds while it gives phones to customers (SharedPhones in the importer).
    await t.sql(`SELECT pg_advisory_lock(hashtext('kabinet:share-accounts'))`);
    try {
      const share = (phone: string) =>
        owner.api.POST('/api/contracts/{id}/shares', {
          params: { path: { id: ids.closed } },
          body: { phone, access: 'read' },
        });
      const busy = await share('+79167001234');
      expect(busy.response.status).toBe(409);
      expect(busy.error).toMatchObject({ code: 'conflict' });
      const known = await share('+7 903 111-22-33'); // Смирнов, a 1C customer
      expect(known.response.status).toBe(201);
      const del = await owner.api.DELETE('/api/shares/{id}', {
        params: { path: { id: known.data!.id } },
      });
      expect(del.response.status).toBe(204);
    } finally {
      await t.sql(`SELECT pg_advisory_unlock(hashtext('kabinet:share-accounts'))`);
    }
  });

  it('the person logs in by code and sees only the shared contract, marked as shared', async () => {
    const son = await login(SON);
    const me = await son.api.GET('/api/me');
    expect(me.data).toMatchObject({ id: sonId, kind: 'customer', phone: SON, fullName: 'Сын' });
    expect(await numbers(son)).toEqual(['ГМ-000101']);
    const page = await son.api.GET('/api/contracts/{id}', { params: { path: { id: ids.main } } });
    expect(page.response.status).toBe(200);
    expect(page.data).toMatchObject({
      number: 'ГМ-000101',
      customerName: 'Иванова Мария Петровна',
    });
    expect(page.data!.payments.length).toBeGreaterThan(0);
    // The owner's notifications stay the owner's.
    expect(page.data!.notifications).toEqual([]);
    const pdf = await son.fetch(`${t.baseUrl}/api/contracts/${ids.main}/items.pdf`);
    expect(pdf.status).toBe(200);
    for (const id of [ids.closed, ids.foreign]) {
      const other = await son.api.GET('/api/contracts/{id}', { params: { path: { id } } });
      expect(other.response.status).toBe(404);
    }
    const received = await son.api.GET('/api/shares/received');
    expect(received.data).toEqual([
      expect.objectContaining({
        id: shareId,
        contractId: ids.main,
        contractNumber: 'ГМ-000101',
        ownerName: 'Иванова Мария Петровна',
        access: 'read',
      }),
    ]);
    // Their profile is their own; 1C has nothing of theirs to change.
    const profile = await son.api.GET('/api/profile');
    expect(profile.data).toMatchObject({
      fullName: 'Сын',
      phone: SON,
      managers: [],
      inBooks: false,
    });
    const change = await son.api.POST('/api/profile/change-requests', {
      body: { field: 'email', value: 'son@example.ru' },
    });
    expect(change.response.status).toBe(403);
    // Not the owner: the shares are not theirs to see or make.
    const shares = await son.api.GET('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
    });
    expect(shares.response.status).toBe(404);
    const reshare = await son.api.POST('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
      body: { phone: '+79167008888', access: 'full' },
    });
    expect(reshare.response.status).toBe(404);
    const patch = await son.api.PATCH('/api/shares/{id}', {
      params: { path: { id: shareId } },
      body: { access: 'full' },
    });
    expect(patch.response.status).toBe(404);
    // Saying "I opened it" records their own visit only: allowed even read-only.
    const seen = await son.api.POST('/api/contracts/{id}/seen', {
      params: { path: { id: ids.main } },
    });
    expect(seen.response.status).toBe(204);
    const views = await t.sql(
      'SELECT 1 FROM contract_views WHERE customer_id = $1 AND contract_id = $2',
      [sonId, ids.main],
    );
    expect(views).toHaveLength(1);
  });

  it('read-only cannot write; the owner changes it to full, audited and told', async () => {
    const access = t.app.get(AccessService);
    const son = customerAuth(sonId);
    const ownerId = (await owner.api.GET('/api/me')).data!.id;
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: DomainError) => e.code,
      );
    expect(await code(access.assertContractWritable(son, ids.main))).toBe('read_only');
    expect(await code(access.assertContractWritable(son, ids.closed))).toBe('not_found');
    expect(await access.contractAccess(son, ids.main)).toBe('read');
    expect(await access.assertContractWritable(customerAuth(ownerId), ids.main)).toBe('owner');

    const res = await owner.api.PATCH('/api/shares/{id}', {
      params: { path: { id: shareId } },
      body: { access: 'full' },
    });
    expect(res.data).toMatchObject({ id: shareId, access: 'full' });
    expect(await access.assertContractWritable(son, ids.main)).toBe('full');
    // The same access again changes nothing (no audit, no event).
    await owner.api.PATCH('/api/shares/{id}', {
      params: { path: { id: shareId } },
      body: { access: 'full' },
    });
    expect(await audit('contract.share.change')).toEqual([
      {
        actor_id: ownerId,
        subject_id: ids.main,
        details: expect.objectContaining({ access: 'full', previousAccess: 'read' }),
      },
    ]);
    expect(await events('contract.share_changed')).toEqual([
      expect.objectContaining({
        payload: { shareId, granteeCustomerId: sonId, access: 'full', previousAccess: 'read' },
      }),
    ]);
  });

  it('staff who may see the contract see its shares with whose account; others do not', async () => {
    const head = await loginStaff(t, 'volkova');
    const list = await head.api.GET('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
    });
    expect(list.data).toEqual([
      expect.objectContaining({
        id: shareId,
        phone: SON,
        access: 'full',
        grantee: { id: sonId, fullName: 'Сын', fromOneC: false },
      }),
    ]);
    const managerB = await loginStaff(t, 'orlov');
    const hidden = await managerB.api.GET('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
    });
    expect(hidden.response.status).toBe(404);
    const foreman = await loginStaff(t, 'belov');
    const denied = await foreman.api.GET('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
    });
    expect(denied.response.status).toBe(403);
  });

  it('a 1C re-import neither archives the account nor changes the owner', async () => {
    await importDemo('full-again.xml', (xml) =>
      xml.replace(
        'ДатаФормирования="2026-11-20T08:00:00"',
        'ДатаФормирования="2026-11-21T08:00:00" СодержитТолькоИзменения="false"',
      ),
    );
    const [account] = await t.sql<{ archived: boolean }>(
      'SELECT archived_at IS NOT NULL AS archived FROM customers WHERE id = $1',
      [sonId],
    );
    expect(account).toEqual({ archived: false });
    const [contract] = await t.sql<{ phone: string }>(
      `SELECT cu.phone FROM contracts c JOIN customers cu ON cu.id = c.customer_id
        WHERE c.id = $1`,
      [ids.main],
    );
    expect(contract).toEqual({ phone: OWNER });
    const son = await login(SON);
    expect(await numbers(son)).toEqual(['ГМ-000101']);
  });

  it('a revoked share takes the contract away at the next request', async () => {
    const son = await login(SON);
    // A second contract shared with him, so he keeps something to see.
    const second = await owner.api.POST('/api/contracts/{id}/shares', {
      params: { path: { id: ids.closed } },
      body: { phone: SON, access: 'read' },
    });
    expect(second.response.status).toBe(201);
    expect(await numbers(son)).toEqual(['ГМ-000045', 'ГМ-000101']);
    const del = await owner.api.DELETE('/api/shares/{id}', {
      params: { path: { id: shareId } },
    });
    expect(del.response.status).toBe(204);
    const gone = await son.api.GET('/api/contracts/{id}', { params: { path: { id: ids.main } } });
    expect(gone.response.status).toBe(404);
    expect(await numbers(son)).toEqual(['ГМ-000045']);
    // Again: nothing to change.
    expect(
      (await owner.api.DELETE('/api/shares/{id}', { params: { path: { id: shareId } } })).response
        .status,
    ).toBe(204);
    expect(
      (await audit('contract.share.revoke')).filter((a) => a.details.shareId === shareId),
    ).toHaveLength(1);
    expect(
      (await events('contract.share_revoked')).filter(
        (e) => (e.payload as { shareId: string }).shareId === shareId,
      ),
    ).toEqual([
      expect.objectContaining({
        source: 'api',
        payload: { shareId, granteeCustomerId: sonId, access: 'full', revokedBy: 'owner' },
      }),
    ]);

    // Staff revoke the last one: the account made for shares closes (logged out, no more codes).
    const manager = await loginStaff(t, 'sokolova');
    const managerId = (await manager.api.GET('/api/me')).data!.id;
    const revoked = await manager.api.DELETE('/api/shares/{id}', {
      params: { path: { id: second.data!.id } },
    });
    expect(revoked.response.status).toBe(204);
    expect(await audit('contract.share.revoke')).toContainEqual({
      actor_id: managerId,
      subject_id: ids.closed,
      details: expect.objectContaining({
        actorKind: 'staff',
        shareId: second.data!.id,
        accountArchived: true,
      }),
    });
    expect((await son.api.GET('/api/me')).response.status).toBe(401);
    t.clock.advance(11 * 60 * 1000);
    const c = t.client();
    await primeCsrf(c);
    await c.api.POST('/api/auth/otp/request', { body: { phone: SON } });
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.sql('SELECT 1 FROM dev_outbox_messages WHERE phone = $1', [SON])).toEqual([]);

    // Shared again: the same account comes back.
    const again = await owner.api.POST('/api/contracts/{id}/shares', {
      params: { path: { id: ids.main } },
      body: { phone: SON, access: 'read' },
    });
    expect(again.response.status).toBe(201);
    const back = await login(SON);
    expect((await back.api.GET('/api/me')).data!.id).toBe(sonId);
  });

  it('a phone 1C gives a customer takes the account’s shares along to that customer', async () => {
    const [ownerRow] = await t.sql<{ id: string }>('SELECT id FROM customers WHERE phone = $1', [
      OWNER,
    ]);
    // 1C gives Смирнов (a customer with a contract of his own) the son's phone.
    await importDemo('smirnov-new-phone.xml', (xml) =>
      xml
        .replace('ДатаФормирования="2026-11-20T08:00:00"', 'ДатаФормирования="2026-11-22T08:00:00"')
        .replace('+7 903 111-22-33', '+7 916 555-00-11'),
    );
    const [account] = await t.sql<{ archived: boolean }>(
      'SELECT archived_at IS NOT NULL AS archived FROM customers WHERE id = $1',
      [sonId],
    );
    expect(account).toEqual({ archived: true });
    const smirnov = await login(SON);
    const me = (await smirnov.api.GET('/api/me')).data!;
    expect(me.fullName).toBe('Смирнов Алексей Викторович');
    expect(await numbers(smirnov)).toEqual(['ГМ-000101', 'РМ-000017']);
    const received = await smirnov.api.GET('/api/shares/received');
    expect(received.data).toEqual([
      expect.objectContaining({ contractId: ids.main, access: 'read' }),
    ]);
    const moved = (await events('contract.shared')).filter((e) => e.source === 'import');
    expect(moved).toEqual([
      {
        source: 'import',
        contract_id: ids.main,
        customer_id: ownerRow!.id,
        payload: { shareId: received.data![0]!.id, granteeCustomerId: me.id, access: 'read' },
      },
    ]);
    const importAudit = await t.sql<{ action: string }>(
      `SELECT action FROM audit_log WHERE actor_id IS NULL AND action LIKE 'contract.share.%'
        ORDER BY at, action`,
    );
    expect(importAudit.map((a) => a.action).sort()).toEqual([
      'contract.share.create',
      'contract.share.revoke',
    ]);
  });
});
