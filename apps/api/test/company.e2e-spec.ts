import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { StoredFilesService } from '../src/modules/files/stored-files.service';
import { CompanyRepository } from '../src/modules/company/company.repository';
import { CompanyService } from '../src/modules/company/company.service';
import { NotificationDeliveryService } from '../src/modules/notifications/delivery.service';
import {
  loginCustomer,
  loginStaff,
  primeCsrf,
  startTestApp,
  type TestApp,
  type TestClient,
} from './helpers';
import { startSmtp, type TestSmtp } from './smtp';

const IVANOVA = '+79123456789';
const ENV = {
  COMPANY_NAME: 'Гранит-Мастер',
  COMPANY_DESCRIPTION: 'Памятники и благоустройство, ремонт квартир',
  COMPANY_PHONE: '8 (495) 120-10-00, +7 912 000-11-22',
  COMPANY_EMAIL: 'info@granit-master.example',
  COMPANY_ADDRESS: 'Москва, ул. Каменная, 12',
  COMPANY_HOURS: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
};
const SEEDED = {
  name: 'Гранит-Мастер',
  description: 'Памятники и благоустройство, ремонт квартир',
  logoUrl: null,
  color: null,
  phones: ['+74951201000', '+79120001122'],
  email: 'info@granit-master.example',
  address: 'Москва, ул. Каменная, 12',
  hours: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
};
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const run = promisify(execFile);

/** Runs a poppler tool on a PDF and answers its stdout. */
async function poppler(tool: 'pdftotext' | 'pdfimages', pdf: Buffer, args: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'kabinet-pdf-'));
  try {
    const file = join(dir, 'items.pdf');
    await writeFile(file, pdf);
    const out = tool === 'pdftotext' ? ['-'] : [];
    return (await run(`/usr/bin/${tool}`, [...args, file, ...out], { encoding: 'utf8' })).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits for the SMS the dev outbox got for `phone` (codes are sent in the background). */
async function takeSms(t: TestApp, phone: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const rows = await t.sql<{ text: string }>(
      'DELETE FROM dev_outbox_messages WHERE phone = $1 RETURNING text',
      [phone],
    );
    if (rows[0]) return rows[0].text;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`No SMS to ${phone}`);
}

/** A customer logs in; the clock moves past the per-phone limit on login codes first. */
function loginIvanova(t: TestApp, phone = IVANOVA) {
  t.clock.advance(11 * 60 * 1000);
  return loginCustomer(t, phone);
}

const csrf = (c: TestClient) => c.cookies.get('kabinet_csrf') ?? '';

function put(t: TestApp, c: TestClient, body: unknown) {
  return c.fetch(`${t.baseUrl}/api/company`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf(c) },
    body: JSON.stringify(body),
  });
}

function uploadLogo(
  t: TestApp,
  c: TestClient,
  bytes: Buffer,
  name = 'logo.png',
  type = 'image/png',
) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return c.fetch(`${t.baseUrl}/api/company/logo`, {
    method: 'PUT',
    headers: { 'x-csrf-token': csrf(c) },
    body: form,
  });
}

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { code: string; fields?: Array<{ path: string; message: string }> };
}

describe('the company profile', () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await startTestApp({ env: ENV });
    admin = await loginStaff(t, 'admin');
  });
  afterAll(() => t.close());

  it('starts as COMPANY_* says, for customers and staff alike', async () => {
    const customer = await loginIvanova(t);
    const res = await customer.api.GET('/api/company');
    expect(res.response.status).toBe(200);
    expect(res.data).toEqual(SEEDED);
    const manager = await loginStaff(t, 'sokolova');
    expect((await manager.api.GET('/api/company')).data).toEqual(SEEDED);
  });

  it('shows the brand, and only the brand, to anyone; the rest needs a session', async () => {
    const anonymous = t.client();
    await primeCsrf(anonymous);
    const brand = await anonymous.fetch(`${t.baseUrl}/api/company/brand`);
    expect(brand.status).toBe(200);
    expect(brand.headers.get('cache-control')).toBe('no-cache');
    expect(await brand.json()).toEqual({
      name: 'Гранит-Мастер',
      description: 'Памятники и благоустройство, ремонт квартир',
      logoUrl: null,
      color: null,
    });
    const res = await anonymous.api.GET('/api/company');
    expect(res.response.status).toBe(401);
    expect(res.response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lets only admins change it', async () => {
    const body = { name: 'Взлом' };
    const manager = await loginStaff(t, 'sokolova');
    expect((await problem(await put(t, manager, body))).code).toBe('forbidden');
    const customer = await loginIvanova(t);
    expect((await put(t, customer, body)).status).toBe(403);
    expect((await uploadLogo(t, manager, PNG)).status).toBe(403);
    const anonymous = t.client();
    await primeCsrf(anonymous);
    expect((await put(t, anonymous, body)).status).toBe(401);
    expect((await admin.api.GET('/api/company')).data?.name).toBe('Гранит-Мастер');
  });

  it('refuses bad values field by field and keeps what is stored', async () => {
    const res = await put(t, admin, {
      name: '  \n ',
      color: '#ffd43b',
      phones: ['+7 495 120-10-00', '12345'],
      email: 'info',
    });
    expect(res.status).toBe(400);
    const p = await problem(res);
    expect(p.code).toBe('validation_failed');
    const byPath = Object.fromEntries(p.fields!.map((f) => [f.path, f.message]));
    expect(Object.keys(byPath).sort()).toEqual(['color', 'email', 'name', 'phones.1']);
    expect(byPath.color).toMatch(/contrast of 1\.\d:1.*4\.5:1.*#[0-9a-f]{6}/);
    expect(byPath['phones.1']).toContain('12345');

    const malformed = await problem(
      await put(t, admin, { name: 'x'.repeat(101), color: 'red', unknown: 1 }),
    );
    expect(malformed.fields!.map((f) => f.path).sort()).toEqual(['name', 'unknown']);
    expect((await problem(await put(t, admin, { name: 'Гранит', color: 'red' }))).fields).toEqual([
      { path: 'color', message: 'A colour as #rrggbb, e.g. #0b7285' },
    ]);
    expect((await admin.api.GET('/api/company')).data).toEqual(SEEDED);
  });

  it('saves the profile: trimmed, phones as E.164, colour in lower case, empty cleared', async () => {
    const res = await put(t, admin, {
      name: ' Гранит-Мастер\nи Ко ',
      description: '',
      color: '#0B7285',
      phones: ['8 (495) 120-10-10', ' ', '+7 495 120-10-10'],
      email: 'hello@granit-master.example',
      address: null,
      hours: 'Пн–Сб 9:00–20:00',
    });
    expect(res.status).toBe(200);
    const expected = {
      name: 'Гранит-Мастер и Ко',
      description: null,
      logoUrl: null,
      color: '#0b7285',
      phones: ['+74951201010'],
      email: 'hello@granit-master.example',
      address: null,
      hours: 'Пн–Сб 9:00–20:00',
    };
    expect(await res.json()).toEqual(expected);
    const customer = await loginIvanova(t);
    expect((await customer.api.GET('/api/company')).data).toEqual(expected);
    const anonymous = t.client();
    expect(await (await anonymous.fetch(`${t.baseUrl}/api/company/brand`)).json()).toMatchObject({
      name: 'Гранит-Мастер и Ко',
      color: '#0b7285',
    });
  });

  it('takes a logo only as a real image within the size limit', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const notImage = await uploadLogo(t, admin, html, 'logo.png', 'image/png');
    expect(notImage.status).toBe(400);
    expect((await problem(notImage)).fields).toEqual([
      { path: 'file', message: 'The logo must be a PNG, JPEG, GIF or WebP image' },
    ]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');
    expect((await uploadLogo(t, admin, svg, 'logo.svg', 'image/svg+xml')).status).toBe(400);
    expect((await uploadLogo(t, admin, Buffer.alloc(0))).status).toBe(400);
    const huge = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const tooLarge = await uploadLogo(t, admin, huge);
    expect(tooLarge.status).toBe(413);
    expect((await problem(tooLarge)).code).toBe('payload_too_large');
    const json = await admin.fetch(`${t.baseUrl}/api/company/logo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf(admin) },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect((await admin.api.GET('/api/company')).data?.logoUrl).toBeNull();
  });

  it('stores the logo as a file and serves it to anyone with caching headers', async () => {
    const res = await uploadLogo(t, admin, PNG, 'logo.txt', 'text/plain');
    expect(res.status).toBe(200);
    const { logoUrl } = (await res.json()) as { logoUrl: string };
    expect(logoUrl).toMatch(/^\/api\/company\/logo\/[0-9a-f-]{36}$/);
    const stored = await t.sql<{ mime: string; size: number }>(
      `SELECT f.mime, f.size FROM company_profile p JOIN stored_files f ON f.id = p.logo_file_id`,
    );
    expect(stored).toEqual([{ mime: 'image/png', size: PNG.length }]);

    const anonymous = t.client();
    const logo = await anonymous.fetch(`${t.baseUrl}${logoUrl}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await logo.arrayBuffer())).toEqual(PNG);
    const etag = logo.headers.get('etag')!;
    const again = await anonymous.fetch(`${t.baseUrl}${logoUrl}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await (await anonymous.fetch(`${t.baseUrl}/api/company/brand`)).json()).logoUrl).toBe(
      logoUrl,
    );

    // The route serves the current logo only, never another stored file (a contract document).
    const [doc] = await t.sql<{ file_id: string }>(
      'SELECT file_id FROM contract_documents LIMIT 1',
    );
    expect(doc).toBeDefined();
    const other = await anonymous.fetch(`${t.baseUrl}/api/company/logo/${doc!.file_id}`);
    expect(other.status).toBe(404);
    expect((await problem(other)).code).toBe('not_found');
    expect((await anonymous.fetch(`${t.baseUrl}/api/company/logo/x`)).status).toBe(404);
  });

  it('signs the items PDF with the stored name, contacts and logo', async () => {
    const customer = await loginIvanova(t);
    const [contract] = await t.sql<{ id: string }>(
      `SELECT id FROM contracts WHERE number = 'ГМ-000101'`,
    );
    const res = await customer.fetch(`${t.baseUrl}/api/contracts/${contract!.id}/items.pdf`);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = (await poppler('pdftotext', pdf, ['-layout'])).replace(/[\u00a0\u202f]/g, ' ');
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines.indexOf('Гранит-Мастер и Ко')).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf('Гранит-Мастер и Ко')).toBeLessThan(lines.indexOf('Товары и услуги'));
    expect(text).toContain('+7 495 120-10-10 · hello@granit-master.example');
    // `pdfimages -list`: a header, a rule, then a row per image (and one for its alpha mask).
    const images = (await poppler('pdfimages', pdf, ['-list']))
      .trim()
      .split('\n')
      .slice(2)
      .map((row) => row.trim().split(/\s+/));
    expect(images.filter((cols) => cols[2] === 'image').map((cols) => cols.slice(3, 5))).toEqual([
      ['1', '1'],
    ]);
  });

  it('removes the logo; its old address stops serving it', async () => {
    const before = (await admin.api.GET('/api/company')).data!.logoUrl!;
    const res = await admin.fetch(`${t.baseUrl}/api/company/logo`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': csrf(admin) },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { logoUrl: string | null }).logoUrl).toBeNull();
    expect((await t.client().fetch(`${t.baseUrl}${before}`)).status).toBe(404);
  });

  it('sends the login code from the company, by its stored name', async () => {
    const c = t.client();
    await primeCsrf(c);
    t.clock.advance(11 * 60 * 1000);
    expect(
      (await c.api.POST('/api/auth/otp/request', { body: { phone: IVANOVA } })).response.status,
    ).toBe(202);
    const sms = await takeSms(t, IVANOVA);
    expect(sms).toMatch(/^Гранит-Мастер и Ко: код для входа \d{6}\. Никому/);
    expect(sms.length).toBeLessThanOrEqual(70);
  });

  it('keeps the stored profile over COMPANY_* at the next start; seeds again only when none', async () => {
    // What the next start does (onApplicationBootstrap), with other COMPANY_* values.
    const config = loadConfig({ NODE_ENV: 'test', COMPANY_NAME: 'Другое имя из окружения' });
    const nextStart = () =>
      new CompanyService(
        t.app.get(CompanyRepository),
        config,
        new Clock(),
        t.app.get(StoredFilesService),
      ).onApplicationBootstrap();
    await nextStart();
    expect((await t.app.get(CompanyService).brand()).name).toBe('Гранит-Мастер и Ко');
    await t.sql('DELETE FROM company_profile');
    await nextStart();
    expect(await t.sql('SELECT name, updated_by_id FROM company_profile')).toEqual([
      { name: 'Другое имя из окружения', updated_by_id: null },
    ]);
  });
});

describe('the company profile without COMPANY_*', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('makes nothing up: nulls and no phones', async () => {
    const customer = await loginIvanova(t);
    const res = await customer.api.GET('/api/company');
    expect(res.response.status).toBe(200);
    expect(res.data).toEqual({
      name: null,
      description: null,
      logoUrl: null,
      color: null,
      phones: [],
      email: null,
      address: null,
      hours: null,
    });
  });
});

describe('e-mails from the company', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({
      env: {
        ...ENV,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_FROM: 'noreply@granit-master.example',
        PUBLIC_URL: 'https://cabinet.example.ru',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.cleanup();
  });

  it('come from the company by name and are signed with its contacts', async () => {
    const admin = await loginStaff(t, 'admin');
    expect(
      (await put(t, admin, { ...SEEDED, logoUrl: undefined, name: 'Гранит-Мастер (ред.)' })).status,
    ).toBe(200);
    await t.app.get(NotificationDeliveryService).deliverDue();
    const mail = await smtp.messages();
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) {
      expect(m.from).toBe('"Гранит-Мастер (ред.)" <noreply@granit-master.example>');
      expect(m.envelopeFrom).toBe('noreply@granit-master.example');
      expect(m.text).toContain(
        '\n\nС уважением,\nГранит-Мастер (ред.)\n+7 495 120-10-00, +7 912 000-11-22, info@granit-master.example\n\n—\n',
      );
    }
  });
});
