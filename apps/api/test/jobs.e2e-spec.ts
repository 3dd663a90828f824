import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_QUEUE } from '../src/modules/exchange/exchange.scheduler';
import { DELIVERY_QUEUE } from '../src/modules/notifications/delivery.scheduler';
import { PAYMENT_NOTICES_QUEUE } from '../src/modules/notifications/payment-notices.scheduler';
import { startTestApp, type TestApp } from './helpers';

describe('scheduled jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      demo: false,
      env: {
        EXCHANGE_SCHEDULE: 'true',
        EXCHANGE_POLL_CRON: '*/5 * * * *',
        NOTIFY_SCHEDULE: 'true',
        NOTIFY_POLL_CRON: '* * * * *',
        PAYMENT_NOTICE_SCHEDULE: 'true',
        COMPANY_TIMEZONE: 'Asia/Yekaterinburg',
      },
    });
  });
  afterAll(() => t.close());

  it('schedules the exchange, the delivery poller and the payment notices as singleton queues of one job queue', async () => {
    expect(await t.sql('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name')).toEqual([
      { name: EXCHANGE_QUEUE, cron: '*/5 * * * *', timezone: 'UTC' },
      { name: DELIVERY_QUEUE, cron: '* * * * *', timezone: 'UTC' },
      // The company's working hours, in the company's time zone.
      { name: PAYMENT_NOTICES_QUEUE, cron: '0 10-19 * * *', timezone: 'Asia/Yekaterinburg' },
    ]);
    expect(
      await t.sql(`SELECT name, policy FROM pgboss.queue WHERE name = ANY($1) ORDER BY name`, [
        [EXCHANGE_QUEUE, DELIVERY_QUEUE, PAYMENT_NOTICES_QUEUE],
      ]),
    ).toEqual([
      { name: EXCHANGE_QUEUE, policy: 'stately' },
      { name: DELIVERY_QUEUE, policy: 'stately' },
      { name: PAYMENT_NOTICES_QUEUE, policy: 'stately' },
    ]);
  });
});
