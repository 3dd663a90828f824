import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@kabinet/api-client';
import { meKeys } from '../../me';
import { contractSummary, customerMe, managerMe } from '../../../test/fixtures';
import {
  atScreenWidth,
  fakeApi,
  problem,
  renderRoutes,
  testQueryClient,
} from '../../../test/render';
import { ContractPage } from './ContractPage';

const contract: Schemas['ContractDto'] = {
  ...contractSummary,
  items: [
    {
      lineNo: 1,
      name: 'Памятник вертикальный',
      kind: 'goods',
      quantity: '1.000',
      unit: 'шт',
      price: '78000.00',
      amount: '78000.00',
      tax: null,
    },
    {
      lineNo: 2,
      name: 'Гравировка текста, за знак',
      kind: 'service',
      quantity: '40.000',
      unit: 'знак',
      price: '150.00',
      amount: '6000.00',
      tax: null,
    },
  ],
  total: '84000.00',
  itemsTotal: '84000.00',
  taxes: [],
  manager: { fullName: 'Соколова Анна Викторовна', phone: '+74951201001', email: 's@example.com' },
  plannedEndDate: '2027-05-20',
  dataAsOf: null,
  lastSeenAt: null,
  object: { deceased: [], monument: null, renovation: null },
  requisites: [],
  schedule: { rows: [], dueNow: '0.00', next: null, overpaid: '0.00' },
  payments: [],
  notifications: [],
  documents: [],
};

function renderContract(id: string, query = '', me: Schemas['MeDto'] = customerMe) {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes(
    [
      { path: '/contracts/:id', element: <ContractPage /> },
      { path: '/contracts', element: <p>list</p> },
    ],
    `/contracts/${id}${query}`,
    client,
  );
}

const squash = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe('ContractPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says the contract was seen once it has loaded, in the customer’s own cabinet only', async () => {
    const seen = `POST /api/contracts/${contract.id}/seen`;
    const routes = {
      [`GET /api/contracts/${contract.id}`]: () => Response.json(contract),
      [seen]: () => new Response(null, { status: 204 }),
    };
    let calls = fakeApi(routes);
    const own = renderContract(contract.id);
    expect(await screen.findByRole('heading', { name: 'Договор № ГМ-000101' })).toBeTruthy();
    await waitFor(() => expect(calls).toContain(seen));
    fireEvent.click(screen.getByTestId('tab-items'));
    await screen.findByTestId('contract-items');
    expect(calls.filter((c) => c === seen)).toEqual([seen]);
    own.unmount();

    const viewAs: Schemas['MeDto'] = {
      ...customerMe,
      viewAs: { staffName: managerMe.fullName, staffUserId: managerMe.id },
    };
    for (const me of [managerMe, viewAs]) {
      calls = fakeApi(routes);
      const other = renderContract(contract.id, '', me);
      expect(await screen.findByRole('heading', { name: 'Договор № ГМ-000101' })).toBeTruthy();
      expect(calls).not.toContain(seen);
      other.unmount();
    }
  });

  it('shows the contract, its manager and its goods and services with a total', async () => {
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(contract) });
    renderContract(contract.id);
    expect(await screen.findByRole('heading', { name: 'Договор № ГМ-000101' })).toBeTruthy();
    expect(screen.getByText('20.05.2027')).toBeTruthy();
    expect(screen.getByRole('link', { name: /\+7 495 120-10-01/ }).getAttribute('href')).toBe(
      'tel:+74951201001',
    );
    expect(screen.getByRole('link', { name: /s@example.com/ }).getAttribute('href')).toBe(
      'mailto:s@example.com',
    );
    expect(squash(screen.getByTestId('contract-overview').textContent)).toContain(
      'Остаток к оплате74 250 ₽',
    );
    fireEvent.click(screen.getByTestId('tab-items'));
    const items = await screen.findByTestId('contract-items');
    expect(items.textContent).toContain('Гравировка текста, за знак');
    expect(squash(items.querySelector('tfoot')?.textContent)).toBe('Итого84 000 ₽');
    expect(screen.getByTestId('items-pdf').getAttribute('href')).toBe(
      `/api/contracts/${contract.id}/items.pdf?lang=ru`,
    );
    // No import yet: no freshness line.
    expect(screen.queryByTestId('contract-data-as-of')).toBeNull();
  });

  it('explains a total with VAT: included under it, on top above it, «Без НДС» per line', async () => {
    const vat = (amount: string, included: boolean) => ({
      name: 'НДС',
      rate: '20',
      exempt: false,
      amount,
      included,
    });
    const included: Schemas['ContractDto'] = {
      ...contract,
      items: [
        { ...contract.items[0]!, tax: vat('13000.00', true) },
        { ...contract.items[1]!, tax: vat('1000.00', true) },
      ],
      taxes: [{ name: 'НДС', rate: '20', exempt: false, included: true, amount: '14000.00' }],
    };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(included) });
    const first = renderContract(contract.id, '?tab=items');
    const table = await screen.findByTestId('contract-items');
    expect(squash(table.querySelector('tfoot')?.textContent)).toBe(
      'Итого84 000 ₽в т. ч. НДС 20 %14 000 ₽',
    );
    expect(screen.getAllByTestId('item-tax').map((c) => squash(c.textContent))).toEqual([
      '20 %13 000 ₽',
      '20 %1 000 ₽',
    ]);
    first.unmount();

    const onTop: Schemas['ContractDto'] = {
      ...contract,
      items: [
        { ...contract.items[0]!, tax: vat('15600.00', false) },
        {
          ...contract.items[1]!,
          tax: { name: 'НДС', rate: null, exempt: true, amount: null, included: false },
        },
      ],
      total: '99600.00',
      itemsTotal: '84000.00',
      taxes: [{ name: 'НДС', rate: '20', exempt: false, included: false, amount: '15600.00' }],
    };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(onTop) });
    renderContract(contract.id, '?tab=items');
    const again = await screen.findByTestId('contract-items');
    expect([...again.querySelectorAll('tfoot tr')].map((r) => squash(r.textContent))).toEqual([
      'Сумма по строкам84 000 ₽',
      'НДС сверху 20 %15 600 ₽',
      'Итого99 600 ₽',
    ]);
    expect(screen.getAllByTestId('item-tax').map((c) => squash(c.textContent))).toEqual([
      '20 %15 600 ₽',
      'Без НДС',
    ]);
  });

  it('says "not found" with a way back for someone else’s or a missing contract', async () => {
    fakeApi({ 'GET /api/contracts/nope': () => problem(404, 'not_found') });
    renderContract('nope');
    expect(await screen.findByText('Договор не найден')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'К списку договоров' }).getAttribute('href')).toBe(
      '/contracts',
    );
  });

  it('gives the owner and staff an «Доступ» tab; a person it is shared with sees whose it is', async () => {
    fakeApi({
      [`GET /api/contracts/${contract.id}`]: () => Response.json(contract),
      [`GET /api/contracts/${contract.id}/shares`]: () => Response.json([]),
      'GET /api/shares/received': () =>
        Response.json([
          {
            id: '55555555-5555-4555-8555-555555555555',
            contractId: contract.id,
            contractNumber: contract.number,
            ownerName: contract.customerName,
            access: 'read',
            createdAt: '2026-11-20T09:00:00.000Z',
          },
        ]),
    });
    for (const me of [customerMe, managerMe]) {
      const view = renderContract(contract.id, '?tab=access', me);
      expect(await screen.findByTestId('panel-access')).toBeTruthy();
      expect(await screen.findByTestId('shares-none')).toBeTruthy();
      expect(screen.queryByTestId('shared-notice')).toBeNull();
      view.unmount();
    }
    const son: Schemas['MeDto'] = {
      ...customerMe,
      id: '99999999-9999-4999-8999-999999999999',
      fullName: 'Сын',
    };
    renderContract(contract.id, '?tab=access', son);
    expect(await screen.findByTestId('panel-overview')).toBeTruthy();
    expect((await screen.findByTestId('shared-notice')).textContent).toContain(
      'Этот договор вам открыл владелец — Иванова Мария Петровна. Доступ только для просмотра',
    );
    expect(screen.queryByTestId('tab-access')).toBeNull();
    expect(screen.queryByTestId('tab-notifications')).toBeNull();
    expect(screen.getByTestId('tab-documents')).toBeTruthy();
  });

  it('says how fresh the data from 1C is', async () => {
    const fresh = { ...contract, dataAsOf: '2026-11-23T06:00:05.000Z' };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(fresh) });
    renderContract(contract.id);
    const line = await screen.findByTestId('contract-data-as-of');
    expect(line.textContent).toMatch(/^Данные из 1С на 23\.11\.2026/);
  });

  it('shows the schedule with statuses from the payments, and what is due now', async () => {
    const scheduled: Schemas['ContractDto'] = {
      ...contract,
      schedule: {
        rows: [
          {
            lineNo: 1,
            dueDate: '2026-09-14',
            amount: '74250.00',
            note: 'Аванс',
            status: 'paid',
            paid: '74250.00',
            outstanding: '0.00',
            paidOn: '2026-09-20',
            daysOverdue: 0,
            daysLate: 6,
          },
          {
            lineNo: 2,
            dueDate: '2026-11-01',
            amount: '37125.00',
            note: null,
            status: 'overdue',
            paid: '10000.00',
            outstanding: '27125.00',
            paidOn: null,
            daysOverdue: 22,
            daysLate: 0,
          },
        ],
        dueNow: '27125.00',
        next: { dueDate: '2026-11-01', outstanding: '27125.00' },
        overpaid: '0.00',
      },
    };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(scheduled) });
    renderContract(contract.id, '?tab=schedule');
    const rows = await screen.findAllByTestId('installment');
    expect(squash(rows[0]!.textContent)).toContain(
      'Оплаченоплачен 20.09.2026, на 6 дн. позже · Аванс',
    );
    expect(squash(rows[1]!.textContent)).toContain(
      'Просроченоплачено 10 000 ₽ из 37 125 ₽ · просрочка 22 дн.',
    );
    expect(squash(screen.getByTestId('contract-schedule').textContent)).toContain(
      'К оплате сейчас27 125 ₽',
    );
  });

  it('lists documents: PDFs open in a new tab, images in a preview, all can be downloaded', async () => {
    const withDocs: Schemas['ContractDto'] = {
      ...contract,
      documents: [
        {
          id: 'd1',
          kind: 'Договор',
          title: 'Договор № ГМ-000101',
          number: null,
          date: '2026-09-14',
          fileName: 'Договор.pdf',
          size: 245_760,
          mime: 'application/pdf',
          viewable: true,
        },
        {
          id: 'd2',
          kind: 'Эскиз',
          title: 'Эскиз памятника',
          number: null,
          date: null,
          fileName: 'эскиз.png',
          size: 1_048_576,
          mime: 'image/png',
          viewable: true,
        },
        {
          id: 'd3',
          kind: 'Смета',
          title: 'Смета',
          number: null,
          date: null,
          fileName: 'smeta.xlsx',
          size: 900,
          mime: 'application/octet-stream',
          viewable: false,
        },
      ],
    };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(withDocs) });
    renderContract(contract.id, '?tab=documents');
    const docs = await screen.findAllByTestId('document');
    expect(squash(docs[0]!.textContent)).toContain('Договор · 14.09.2026 · 240 кБ');
    const base = `/api/contracts/${contract.id}/documents`;
    expect(docs[0]!.querySelector('[data-testid="document-view"]')?.getAttribute('href')).toBe(
      `${base}/d1/file`,
    );
    expect(docs[0]!.querySelector('[data-testid="document-view"]')?.getAttribute('target')).toBe(
      '_blank',
    );
    expect(docs[2]!.querySelector('[data-testid="document-download"]')?.getAttribute('href')).toBe(
      `${base}/d3/file?download=true`,
    );
    expect(docs[2]!.querySelector('[data-testid="document-view"]')).toBeNull();
    fireEvent.click(docs[1]!.querySelector('[data-testid="document-view"]')!);
    const img = await screen.findByTestId('document-preview');
    expect(img.getAttribute('src')).toBe(`${base}/d2/file`);
  });

  it('opens the tab a notification on the notifications tab is about', async () => {
    const withNotice: Schemas['ContractDto'] = {
      ...contract,
      notifications: [
        {
          id: '77777777-7777-4777-8777-777777777777',
          kind: 'payment_reminder',
          params: {
            number: 'ГМ-000101',
            amount: '37125.00',
            currency: 'RUB',
            dueDate: '2027-05-20',
          },
          contractId: contract.id,
          contractNumber: 'ГМ-000101',
          chatId: null,
          createdAt: '2027-05-17T07:00:00.000Z',
          read: true,
        },
      ],
    };
    fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(withNotice) });
    const { router } = renderContract(contract.id, '?tab=notifications');
    const link = await screen.findByTestId('notification');
    expect(squash(link.textContent)).toContain(
      'Напоминаем: 20.05.2027 срок платежа 37 125 ₽ по договору № ГМ-000101',
    );
    fireEvent.click(link);
    expect(router.state.location.search).toBe('?tab=schedule');
    expect(await screen.findByTestId('panel-schedule')).toBeTruthy();
  });

  describe('on a phone (375 px)', () => {
    // jsdom lays nothing out: the strip and its tabs get the widths Chromium gives them at 375 px.
    const TAB_WIDTHS: Record<string, number> = {
      overview: 79,
      object: 86,
      items: 162,
      schedule: 156,
      payments: 88,
      documents: 114,
      notifications: 128,
    };
    const STRIP = 343;
    const restore: Array<() => void> = [];
    const stub = (name: string, get: (el: HTMLElement) => number | undefined) => {
      let proto: object = HTMLElement.prototype;
      while (!Object.getOwnPropertyDescriptor(proto, name)) proto = Object.getPrototypeOf(proto);
      const original = Object.getOwnPropertyDescriptor(proto, name)!;
      Object.defineProperty(proto, name, {
        configurable: true,
        get(this: HTMLElement) {
          return get(this) ?? (original.get!.call(this) as number);
        },
      });
      restore.push(() => Object.defineProperty(proto, name, original));
    };
    const key = (el: HTMLElement) => el.dataset.testid?.replace(/^tab-/, '') ?? '';
    const isTab = (el: HTMLElement) => el.getAttribute('role') === 'tab';
    const isStrip = (el: HTMLElement) => el.dataset.testid === 'tabs-scroll';
    const scrolled = new WeakMap<Element, number>();
    beforeEach(() => {
      atScreenWidth(375);
      stub('offsetWidth', (el) => (isTab(el) ? TAB_WIDTHS[key(el)] : undefined));
      stub('offsetLeft', (el) => {
        if (!isTab(el)) return undefined;
        const keys = Object.keys(TAB_WIDTHS);
        return keys.slice(0, keys.indexOf(key(el))).reduce((sum, k) => sum + TAB_WIDTHS[k]!, 0);
      });
      stub('clientWidth', (el) => (isStrip(el) ? STRIP : undefined));
      stub('scrollWidth', (el) =>
        isStrip(el) ? Object.values(TAB_WIDTHS).reduce((a, b) => a + b, 0) : undefined,
      );
      const scrollLeft = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollLeft')!;
      Object.defineProperty(Element.prototype, 'scrollLeft', {
        configurable: true,
        get(this: Element) {
          return scrolled.get(this) ?? 0;
        },
        set(this: Element, v: number) {
          scrolled.set(this, v);
        },
      });
      restore.push(() => Object.defineProperty(Element.prototype, 'scrollLeft', scrollLeft));
      const scrollTo = Element.prototype.scrollTo;
      const scrollBy = Element.prototype.scrollBy;
      Element.prototype.scrollTo = function (this: Element, options?: ScrollToOptions | number) {
        this.scrollLeft = typeof options === 'object' ? (options.left ?? 0) : (options ?? 0);
        this.dispatchEvent(new Event('scroll'));
      } as Element['scrollTo'];
      Element.prototype.scrollBy = function (this: Element, options?: ScrollToOptions | number) {
        const by = typeof options === 'object' ? (options.left ?? 0) : (options ?? 0);
        this.scrollLeft = this.scrollLeft + by;
        this.dispatchEvent(new Event('scroll'));
      } as Element['scrollBy'];
      restore.push(() => {
        Element.prototype.scrollTo = scrollTo;
        Element.prototype.scrollBy = scrollBy;
      });
    });
    afterEach(() => {
      while (restore.length) restore.pop()!();
    });

    /** The part of the strip on screen holds the whole tab. */
    const onScreen = (tab: string) => {
      const strip = screen.getByTestId('tabs-scroll');
      const el = screen.getByTestId(`tab-${tab}`);
      return (
        el.offsetLeft >= strip.scrollLeft &&
        el.offsetLeft + el.offsetWidth <= strip.scrollLeft + STRIP
      );
    };

    it('scrolls the tab from the link into view and says there are more tabs either way', async () => {
      fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(contract) });
      renderContract(contract.id, '?tab=documents');
      expect(await screen.findByTestId('panel-documents')).toBeTruthy();
      expect(screen.getByTestId('tab-documents').getAttribute('aria-selected')).toBe('true');
      expect(onScreen('documents')).toBe(true);
      expect(screen.getByTestId('tabs-more-before')).toBeTruthy();
      expect(screen.getByTestId('tabs-more-after')).toBeTruthy();
    });

    it('keeps the chosen tab in view and in the URL', async () => {
      fakeApi({ [`GET /api/contracts/${contract.id}`]: () => Response.json(contract) });
      const { router } = renderContract(contract.id);
      expect(await screen.findByTestId('panel-overview')).toBeTruthy();
      // At the start only "more to the right".
      expect(onScreen('overview')).toBe(true);
      expect(screen.queryByTestId('tabs-more-before')).toBeNull();
      fireEvent.click(screen.getByTestId('tabs-more-after'));
      expect(screen.getByTestId('tabs-more-before')).toBeTruthy();
      fireEvent.click(screen.getByTestId('tab-documents'));
      expect(await screen.findByTestId('panel-documents')).toBeTruthy();
      expect(router.state.location.search).toBe('?tab=documents');
      expect(onScreen('documents')).toBe(true);
      fireEvent.click(screen.getByTestId('tab-notifications'));
      expect(await screen.findByTestId('panel-notifications')).toBeTruthy();
      expect(onScreen('notifications')).toBe(true);
      expect(screen.queryByTestId('tabs-more-after')).toBeNull();
    });
  });
});
