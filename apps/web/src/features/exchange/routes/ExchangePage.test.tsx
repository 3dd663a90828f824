import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@kabinet/api-client';
import i18n from '../../../lib/i18n';
import { fakeApi, problem, renderPage } from '../../../test/render';
import { ExchangePage } from './ExchangePage';

const status: Schemas['ExchangeStatusDto'] = {
  sourceKind: 'sftp',
  sourceLocation: 'sftp://kabinet@files.example.ru:22/inbox',
  schedule: '* * * * *',
  running: false,
  lastImportAt: '2026-11-23T06:00:05.000Z',
  lastCheckedAt: '2026-11-23T09:41:00.000Z',
  pendingChanges: 2,
  uploadLimitBytes: 200 * 1048576,
};

const file = (over: Partial<Schemas['ExchangeFileDto']>): Schemas['ExchangeFileDto'] => ({
  id: '44444444-4444-4444-8444-444444444444',
  name: 'orders.xml',
  status: 'imported',
  size: 2_097_152,
  bytesProcessed: 2_097_152,
  sha256: 'a'.repeat(64),
  startedAt: '2026-11-23T06:00:01.000Z',
  finishedAt: '2026-11-23T06:00:05.000Z',
  created: 3,
  updated: 1,
  unchanged: 7,
  archived: 0,
  skipped: 0,
  errorMessage: null,
  errorLine: null,
  errorColumn: null,
  errorElement: null,
  hasOriginal: true,
  warningCount: 0,
  warnings: [],
  skippedSections: [],
  hasReport: over.status === 'failed',
  ...over,
});

const run = (over: Partial<Schemas['ExchangeRunDto']>): Schemas['ExchangeRunDto'] => ({
  id: '55555555-5555-4555-8555-555555555555',
  trigger: 'schedule',
  status: 'failed',
  source: status.sourceLocation!,
  startedAt: '2026-11-23T06:00:00.000Z',
  finishedAt: '2026-11-23T06:00:06.000Z',
  durationMs: 6000,
  filesImported: 1,
  filesFailed: 1,
  filesDuplicate: 0,
  created: 3,
  updated: 1,
  unchanged: 7,
  archived: 0,
  changesExported: 0,
  warnings: 0,
  error: null,
  files: [
    file({}),
    file({
      id: '66666666-6666-4666-8666-666666666666',
      name: 'broken.xml',
      status: 'failed',
      errorMessage: 'The document date «2026-02-30» is not a date (YYYY-MM-DD)',
      errorLine: 6,
      errorColumn: null,
      errorElement: 'Документ/Дата',
    }),
  ],
  ...over,
});

const page = (items: Schemas['ExchangeRunDto'][]) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 10,
});

describe('ExchangePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the source, the last import and runs with their files, counts and errors by line', async () => {
    fakeApi({
      'GET /api/exchange/status': () => Response.json(status),
      'GET /api/exchange/runs': () => Response.json(page([run({})])),
    });
    renderPage(<ExchangePage />);
    expect(await screen.findByText('sftp://kabinet@files.example.ru:22/inbox')).toBeTruthy();
    const runItem = await screen.findByTestId('exchange-run');
    expect(runItem.textContent).toContain('С ошибками');
    expect(runItem.textContent).toContain('Файлов: загружено 1, с ошибкой 1, повторов 0');
    expect(runItem.textContent).toContain('Создано 3 · обновлено 1 · без изменений 7 · в архив 0');
    // A failed run opens by itself, showing where the file went wrong.
    expect((await screen.findByTestId('exchange-error-where')).textContent).toBe(
      'строка 6, элемент Документ/Дата',
    );
    const broken = screen.getAllByTestId('exchange-file')[1]!;
    expect(
      within(broken)
        .getByRole('link', { name: /Отчёт об ошибке/ })
        .getAttribute('href'),
    ).toBe('/api/exchange/files/66666666-6666-4666-8666-666666666666/report');
    expect(within(broken).getByRole('link', { name: /Скачать исходный файл/ })).toBeTruthy();
  });

  it('shows a file imported with warnings (what, which record, line) and what it skipped, and why', async () => {
    const warned = file({
      name: 'site-orders.xml',
      warningCount: 12,
      hasReport: true,
      warnings: Array.from({ length: 11 }, (_, i) => ({
        code: 'name_fallback' as const,
        message: 'Наименование is empty: named «Контрагент guest-3158» (from Ид)',
        record: `Контрагент guest-${3158 + i}`,
        line: 108 + i * 40,
        element: 'Документ/Контрагенты/Контрагент/Наименование',
        params: { name: `Контрагент guest-${3158 + i}`, from: 'Ид', empty: 'Наименование' },
      })),
    });
    const catalogue = file({
      id: '77777777-7777-4777-8777-777777777777',
      name: 'import.xml',
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 3,
      hasReport: true,
      skippedSections: [
        { element: 'Классификатор', detail: null, line: 3, count: 1, items: { Свойство: 6 } },
        { element: 'Каталог', detail: null, line: 1517, count: 1, items: { Товар: 1240 } },
        { element: 'Документ', detail: 'Счет на оплату', line: 158, count: 2, items: {} },
      ],
    });
    fakeApi({
      'GET /api/exchange/status': () => Response.json(status),
      'GET /api/exchange/runs': () =>
        Response.json(
          page([
            run({ status: 'succeeded', filesFailed: 0, warnings: 12, files: [warned, catalogue] }),
          ]),
        ),
    });
    renderPage(<ExchangePage />);
    const runItem = await screen.findByTestId('exchange-run');
    expect(within(runItem).getByTestId('exchange-run-warnings').textContent).toBe(
      ' · загружено с предупреждениями: 12',
    );
    // A run that succeeded stays closed until opened.
    fireEvent.click(within(runItem).getByRole('button'));
    const warnings = await screen.findByTestId('exchange-file-warnings');
    expect(warnings.textContent).toContain('Загружен с предупреждениями: 12');
    const items = within(warnings).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    expect(items[0]!.textContent).toBe(
      'строка 108 · Контрагент guest-3158: пустое наименование — записан как «Контрагент guest-3158»',
    );
    expect(warnings.textContent).toContain('…и ещё 2 — в отчёте');
    const [first, second] = screen.getAllByTestId('exchange-file');
    expect(
      within(first!)
        .getByRole('link', { name: /Отчёт о загрузке/ })
        .getAttribute('href'),
    ).toBe(`/api/exchange/files/${warned.id}/report`);
    const skipped = within(second!).getByTestId('exchange-file-skipped');
    expect(
      within(skipped)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace(/[\u00a0\u202f]/g, ' ')),
    ).toEqual([
      'Классификатор каталога (6 свойств) пропущен: импорт каталога пока не поддерживается',
      'Каталог товаров (1 240 товаров) пропущен: импорт каталога пока не поддерживается',
      'Документы «Счет на оплату» (2 шт.) пропущены: загружаются только заказы и оплаты',
    ]);
  });

  it('says the schedule in words, when the inbox was last checked, and durations with units', async () => {
    fakeApi({
      'GET /api/exchange/status': () => Response.json({ ...status, schedule: '0 3 * * *' }),
      'GET /api/exchange/runs': () => Response.json(page([run({ durationMs: 200 })])),
    });
    renderPage(<ExchangePage />);
    const runItem = await screen.findByTestId('exchange-run');
    expect(runItem.textContent).toContain('по расписанию · 0,2 с');
    expect(runItem.textContent).not.toMatch(/\d s\b/);
    expect(document.body.textContent).toContain('В 03:00 (время UTC)');
    expect(screen.getByTestId('exchange-cron').textContent).toBe('cron 0 3 * * *');
    expect(screen.getByTestId('exchange-last-checked').textContent).toMatch(
      /^Входящие проверены: 23\.11\.2026, \d\d:41:00$/,
    );
  });

  it('in English too', async () => {
    await i18n.changeLanguage('en');
    try {
      fakeApi({
        'GET /api/exchange/status': () => Response.json({ ...status, lastCheckedAt: null }),
        'GET /api/exchange/runs': () => Response.json(page([run({ durationMs: 125_000 })])),
      });
      renderPage(<ExchangePage />);
      const runItem = await screen.findByTestId('exchange-run');
      expect(runItem.textContent).toContain('2 mins 5 secs');
      expect(document.body.textContent).toContain('Every minute');
      expect(screen.getByTestId('exchange-last-checked').textContent).toBe('Inbox checked: —');
    } finally {
      await i18n.changeLanguage('ru');
    }
  });

  it('shows a progress bar for the file being imported', async () => {
    fakeApi({
      'GET /api/exchange/status': () => Response.json({ ...status, running: true }),
      'GET /api/exchange/runs': () =>
        Response.json(
          page([
            run({
              status: 'running',
              finishedAt: null,
              durationMs: null,
              files: [file({ status: 'importing', bytesProcessed: 1_048_576, finishedAt: null })],
            }),
          ]),
        ),
    });
    renderPage(<ExchangePage />);
    const bar = await screen.findByRole('progressbar', { name: 'Ход загрузки' }, { timeout: 5000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect((screen.getByTestId('exchange-run-now') as HTMLButtonElement).disabled).toBe(true);
  });

  it('"run now" says so when a run is already going (409)', async () => {
    fakeApi({
      'GET /api/exchange/status': () => Response.json(status),
      'GET /api/exchange/runs': () => Response.json(page([])),
      'POST /api/exchange/runs': () => problem(409, 'conflict'),
    });
    renderPage(<ExchangePage />);
    fireEvent.click(await screen.findByTestId('exchange-run-now'));
    expect((await screen.findByRole('alert')).textContent).toContain('Это уже выполняется');
  });

  it('shows the API’s message next to the file field when an upload is refused', async () => {
    const calls = fakeApi({
      'GET /api/exchange/status': () => Response.json(status),
      'GET /api/exchange/runs': () => Response.json(page([])),
      'POST /api/exchange/uploads': () =>
        problem(400, 'validation_failed', {
          fields: [
            { path: 'file', message: 'The file name must end with .xml and contain no folders' },
          ],
        }),
    });
    renderPage(<ExchangePage />);
    await screen.findByTestId('exchange-run-now');
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Загрузить' }));
    await waitFor(() => expect(calls).toContain('POST /api/exchange/uploads'));
    await waitFor(() =>
      expect(document.body.textContent).toContain(
        'The file name must end with .xml and contain no folders',
      ),
    );
  });

  it('after an upload, polls until the new run shows up and opens it when the file failed', async () => {
    const demo = run({
      id: '77777777-7777-4777-8777-777777777777',
      status: 'succeeded',
      trigger: 'demo',
      filesFailed: 0,
      files: [file({})],
    });
    let uploaded = false;
    let afterUpload = 0;
    fakeApi({
      'GET /api/exchange/status': () => Response.json(status),
      'GET /api/exchange/runs': () => {
        // The run starts a moment after the upload is accepted: the first refetch misses it.
        if (uploaded && ++afterUpload > 1)
          return Response.json(page([run({ trigger: 'upload' }), demo]));
        return Response.json(page([demo]));
      },
      'POST /api/exchange/uploads': () => {
        uploaded = true;
        return Response.json({ name: 'broken.xml' }, { status: 202 });
      },
    });
    renderPage(<ExchangePage />);
    await screen.findByTestId('exchange-run');
    expect(screen.queryByTestId('exchange-error-where')).toBeNull();
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['<x/>'], 'broken.xml', { type: 'application/xml' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Загрузить' }));
    expect((await screen.findByTestId('exchange-upload-ok')).textContent).toContain('broken.xml');
    const where = await screen.findByTestId('exchange-error-where', {}, { timeout: 5000 });
    expect(where.textContent).toBe('строка 6, элемент Документ/Дата');
    expect(afterUpload).toBeGreaterThan(1);
  });
});
