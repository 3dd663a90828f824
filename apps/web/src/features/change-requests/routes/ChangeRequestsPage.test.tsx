import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@kabinet/api-client';
import { meKeys } from '../../me';
import { managerMe } from '../../../test/fixtures';
import { TEXT_LIMITS } from '@kabinet/shared';
import { fakeApi, problem, renderRoutes, testQueryClient } from '../../../test/render';
import { ChangeRequestsPage } from './ChangeRequestsPage';

const request: Schemas['StaffChangeRequestDto'] = {
  id: '77777777-7777-4777-8777-777777777777',
  field: 'phone',
  value: '+79165554433',
  previousValue: '+79123456789',
  comment: 'Старый номер больше не мой',
  status: 'pending',
  resolution: null,
  createdAt: '2026-11-22T10:00:00.000Z',
  resolvedAt: null,
  customerId: '11111111-1111-4111-8111-111111111111',
  customerName: 'Иванова Мария Петровна',
  resolvedByName: null,
};

describe('ChangeRequestsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('rejects a request only with a comment for the customer', async () => {
    const resolutions: unknown[] = [];
    let status = 'pending';
    fakeApi({
      'GET /api/change-requests': (req) => {
        const asked = new URL(req.url).searchParams.get('status');
        const items = asked === status ? [{ ...request, status }] : [];
        return Response.json({ items, total: items.length, page: 1, pageSize: 20 });
      },
      [`POST /api/change-requests/${request.id}/resolution`]: (_req, body) => {
        resolutions.push(body);
        status = 'rejected';
        return Response.json({ ...request, status: 'rejected' });
      },
    });
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    renderRoutes(
      [{ path: '/change-requests', element: <ChangeRequestsPage /> }],
      '/change-requests',
      client,
    );
    const card = await screen.findByTestId('staff-change-request');
    expect(card.textContent).toContain('+7 916 555-44-33');
    expect(card.textContent).toContain('Было в 1С: +7 912 345-67-89');
    await userEvent.click(within(card).getByTestId('request-reject'));
    await userEvent.click(await screen.findByTestId('resolution-save'));
    expect(await screen.findByText('Напишите клиенту, почему заявка отклонена')).toBeTruthy();
    expect(resolutions).toEqual([]);
    await userEvent.type(screen.getByTestId('resolution-input'), 'Номер не подтверждён');
    await userEvent.click(screen.getByTestId('resolution-save'));
    expect(await screen.findByText('Заявок нет')).toBeTruthy();
    expect(resolutions).toEqual([{ status: 'rejected', resolution: 'Номер не подтверждён' }]);
  }, 20_000); // types a sentence: slow on a busy machine

  it('counts the answer against the shared limit, keeps a long paste whole and wraps long words', async () => {
    const resolutions: unknown[] = [];
    const longWord = 'Оченьдлинноесловобезпробелов'.repeat(10);
    fakeApi({
      'GET /api/change-requests': () =>
        Response.json({
          items: [{ ...request, comment: longWord }],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
      [`POST /api/change-requests/${request.id}/resolution`]: (_req, body) => {
        resolutions.push(body);
        return problem(400, 'validation_failed', {
          fields: [
            {
              path: 'resolution',
              message: 'resolution takes at most 1000 characters',
              maxLength: 1000,
            },
          ],
        });
      },
    });
    const client = testQueryClient();
    client.setQueryData(meKeys.me(), managerMe);
    renderRoutes(
      [{ path: '/change-requests', element: <ChangeRequestsPage /> }],
      '/change-requests',
      client,
    );
    const card = await screen.findByTestId('staff-change-request');
    // The comment (and the name) are people's text: wrapped anywhere (global.css, .user-text).
    expect(within(card).getByTestId('staff-change-request-comment').className).toContain(
      'user-text',
    );
    await userEvent.click(within(card).getByTestId('request-done'));
    const input = (await screen.findByTestId('resolution-input')) as HTMLTextAreaElement;
    expect(input.maxLength).toBe(-1); // nothing is cut off silently
    const pasted = 'я'.repeat(TEXT_LIMITS.resolution + 1838);
    await userEvent.click(input);
    await userEvent.paste(pasted);
    expect(input.value).toHaveLength(2838);
    expect(screen.getByTestId('char-counter').textContent).toBe('2\u00a0838 из 1\u00a0000');
    expect(screen.getByText('Не больше 1000 символов: сократите текст')).toBeTruthy();
    await userEvent.click(screen.getByTestId('resolution-save'));
    expect(resolutions).toEqual([]);
    // Within the limit it goes; the API's own limit message is said in Russian too.
    await userEvent.clear(input);
    await userEvent.click(input);
    await userEvent.paste('я'.repeat(TEXT_LIMITS.resolution));
    expect(screen.getByTestId('char-counter').textContent).toBe('1\u00a0000 из 1\u00a0000');
    await userEvent.click(screen.getByTestId('resolution-save'));
    expect(await screen.findByText('Не больше 1000 символов: сократите текст')).toBeTruthy();
    expect(resolutions).toHaveLength(1);
  }, 20_000);
});
