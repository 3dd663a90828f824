import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_QUEUE } from '../src/modules/exchange/exchange.scheduler';
import { DELIVERY_QUEUE } from '../src/modules/notifications/delivery.scheduler';
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
      },
    });
  });
  afterAll(() => t.close());

  it('schedules the exchange and the delivery poller as singleton queues of one job queue', async () => {
    expect(await t.sql('SELECT name, cron FROM pgboss.schedule ORDER BY name')).toEqual([
      { name: EXCHANGE_QUEUE, cron: '*/5 * * * *' },
      { name: DELIVERY_QUEUE, cron: '* * * * *' },
    ]);
    expect(
      await t.sql(`SELECT name, policy FROM pgboss.queue WHERE name = ANY($1) ORDER BY name`, [
        [EXCHANGE_QUEUE, DELIVERY_QUEUE],
      ]),
    ).toEqual([
      { name: EXCHANGE_QUEUE, policy: 'stately' },
      { name: DELIVERY_QUEUE, policy: 'stately' },
    ]);
  });
});
