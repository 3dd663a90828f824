import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@kabinet/api-client';
import { SHARE_LIMITS } from '@kabinet/shared';
import { meKeys } from '../../me';
import { contractSummary, customerMe, managerMe } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { ContractSharing, type SharingMode } from './ContractSharing';
import { SharedContractNotice, SharedMark } from './SharedMarks';

const contractId = contractSummary.id;
const SHARES = `/api/contracts/${contractId}/shares`;

const share = (over: Partial<Schemas['ShareDto']> = {}): Schemas['ShareDto'] => ({
  id: '55555555-5555-4555-8555-555555555555',
  contractId,
  phone: '+79165550011',
  name: 'Сын',
  access: 'read',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  grantee: null,
  ...over,
});

function renderSharing(mode: SharingMode, me: Schemas['MeDto'] = customerMe) {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes(
    [
      {
        path: '/',
        element: <ContractSharing contractId={contractId} mode={mode} ownPhone={me.phone} />,
      },
    ],
    '/',
    client,
  );
}

describe('ContractSharing', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets the owner share by phone, says what the API would refuse first, and lists the share', async () => {
    let shares = [share()];
    const created: unknown[] = [];
    fakeApi({
      [`GET ${SHARES}`]: () => Response.json(shares),
      [`POST ${SHARES}`]: (_req, body) => {
        created.push(body);
        const made = share({
          id: '66666666-6666-4666-8666-666666666666',
          phone: '+79165550022',
          name: null,
          access: 'full',
        });
        shares = [...shares, made];
        return Response.json(made, { status: 201 });
      },
    });
    renderSharing('owner');
    const list = await screen.findAllByTestId('share');
    expect(list).toHaveLength(1);
    expect(list[0]!.textContent).toContain('Сын');
    expect(list[0]!.textContent).toContain('+7 916 555-00-11');
    const phone = screen.getByTestId('share-phone');
    const submit = screen.getByTestId('share-submit');
    for (const [typed, message] of [
      ['12', 'Введите номер телефона'],
      ['8 912 345-67-89', 'Это ваш номер'],
      ['+7 916 555 00 11', 'Этому номеру доступ уже открыт'],
    ] as const) {
      await userEvent.clear(phone);
      await userEvent.type(phone, typed);
      fireEvent.click(submit);
      expect(await screen.findByText(new RegExp(message))).toBeTruthy();
    }
    expect(created).toEqual([]);
    await userEvent.clear(phone);
    await userEvent.type(phone, '8 916 555-00-22');
    fireEvent.click(screen.getByTestId('share-access-full'));
    fireEvent.click(submit);
    expect(await screen.findByTestId('share-added')).toBeTruthy();
    expect(created).toEqual([{ phone: '8 916 555-00-22', access: 'full' }]);
    await waitFor(() => expect(screen.getAllByTestId('share')).toHaveLength(2));
  });

  it('changes what a share allows and revokes it after asking', async () => {
    const calls = fakeApi({
      [`GET ${SHARES}`]: () => Response.json([share()]),
      [`PATCH /api/shares/${share().id}`]: () => Response.json(share({ access: 'full' })),
      [`DELETE /api/shares/${share().id}`]: () => new Response(null, { status: 204 }),
    });
    renderSharing('owner');
    const card = await screen.findByTestId('share');
    fireEvent.click(within(card).getByText('Полный доступ'));
    await waitFor(() => expect(calls).toContain(`PATCH /api/shares/${share().id}`));
    fireEvent.click(within(card).getByTestId('share-revoke'));
    expect(await screen.findByText('Сын сразу перестанет видеть этот договор.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('share-revoke-confirm'));
    await waitFor(() => expect(calls).toContain(`DELETE /api/shares/${share().id}`));
  });

  it('says when the limit is reached instead of offering the form', async () => {
    const many = Array.from({ length: SHARE_LIMITS.activePerContract }, (_, i) =>
      share({ id: `7777777${i}-7777-4777-8777-777777777777`, phone: `+7916555001${i}` }),
    );
    fakeApi({ [`GET ${SHARES}`]: () => Response.json(many) });
    renderSharing('owner');
    expect(await screen.findByTestId('shares-limit')).toBeTruthy();
    expect(screen.queryByTestId('share-form')).toBeNull();
  });

  it('shows staff whose account a share lets in, with revoke but no form', async () => {
    fakeApi({
      [`GET ${SHARES}`]: () =>
        Response.json([
          share({ grantee: { id: customerMe.id, fullName: 'Сын', fromOneC: false } }),
        ]),
    });
    renderSharing('staff', managerMe);
    const card = await screen.findByTestId('share');
    expect(card.textContent).toContain('Учётная запись: Сын');
    expect(card.textContent).toContain('нет в 1С');
    expect(card.textContent).toContain('Только просмотр');
    expect(within(card).getByTestId('share-revoke')).toBeTruthy();
    expect(screen.queryByTestId('share-form')).toBeNull();
    expect(screen.queryByTestId('share-access')).toBeNull();
  });

  it('only reads while staff view the owner’s cabinet', async () => {
    fakeApi({ [`GET ${SHARES}`]: () => Response.json([share()]) });
    renderSharing('viewAs');
    const card = await screen.findByTestId('share');
    expect(within(card).queryByTestId('share-revoke')).toBeNull();
    expect(screen.queryByTestId('share-form')).toBeNull();
  });
});

describe('shared marks', () => {
  afterEach(() => vi.unstubAllGlobals());

  const sharedContract = {
    ...contractSummary,
    customerId: '99999999-9999-4999-8999-999999999999',
    customerName: 'Иванова Мария Петровна',
  };
  const son: Schemas['MeDto'] = { ...customerMe, fullName: 'Сын', phone: '+79165550011' };

  function renderMarks(me: Schemas['MeDto'], c = sharedContract) {
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), me);
    return renderRoutes(
      [
        {
          path: '/',
          element: (
            <>
              <SharedMark c={c} />
              <SharedContractNotice c={c} />
            </>
          ),
        },
      ],
      '/',
      client,
    );
  }

  it('tells the person a contract was shared with whose it is and that it is read-only', async () => {
    fakeApi({
      'GET /api/shares/received': () =>
        Response.json([
          {
            id: share().id,
            contractId: sharedContract.id,
            contractNumber: sharedContract.number,
            ownerName: sharedContract.customerName,
            access: 'read',
            createdAt: '2026-11-20T09:00:00.000Z',
          },
        ]),
    });
    renderMarks(son);
    expect(screen.getByTestId('shared-mark').textContent).toBe('Доступ от: Иванова Мария Петровна');
    const notice = await screen.findByTestId('shared-notice');
    expect(notice.textContent).toContain('Иванова Мария Петровна');
    expect(notice.textContent).toContain('только для просмотра');
  });

  it('marks nothing on one’s own contracts or for staff', () => {
    const calls = fakeApi({});
    renderMarks(customerMe, contractSummary).unmount();
    renderMarks(managerMe);
    expect(screen.queryByTestId('shared-mark')).toBeNull();
    expect(screen.queryByTestId('shared-notice')).toBeNull();
    expect(calls).toEqual([]);
  });
});
