import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginCustomer, loginStaff, primeCsrf, startTestApp, type TestApp } from './helpers';

describe('GET /api/company: the company’s contacts from the configuration', () => {
  describe('configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        env: {
          COMPANY_NAME: 'Гранит-Мастер',
          COMPANY_PHONE: '8 (495) 120-10-00, +7 912 000-11-22',
          COMPANY_EMAIL: 'info@granit-master.example',
          COMPANY_ADDRESS: 'Москва, ул. Каменная, 12',
          COMPANY_HOURS: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
        },
      });
    });
    afterAll(() => t.close());

    it('returns the configured values, phones in E.164, to a customer and to staff', async () => {
      const expected = {
        name: 'Гранит-Мастер',
        phones: ['+74951201000', '+79120001122'],
        email: 'info@granit-master.example',
        address: 'Москва, ул. Каменная, 12',
        hours: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
      };
      const customer = await loginCustomer(t, '+79123456789');
      const res = await customer.api.GET('/api/company');
      expect(res.response.status).toBe(200);
      expect(res.data).toEqual(expected);
      const manager = await loginStaff(t, 'sokolova');
      expect((await manager.api.GET('/api/company')).data).toEqual(expected);
    });

    it('answers 401 without a session', async () => {
      const anonymous = t.client();
      await primeCsrf(anonymous);
      const res = await anonymous.api.GET('/api/company');
      expect(res.response.status).toBe(401);
      expect(res.response.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('not configured', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('returns nothing made up: nulls and no phones', async () => {
      const customer = await loginCustomer(t, '+79123456789');
      const res = await customer.api.GET('/api/company');
      expect(res.response.status).toBe(200);
      expect(res.data).toEqual({ name: null, phones: [], email: null, address: null, hours: null });
    });
  });
});
