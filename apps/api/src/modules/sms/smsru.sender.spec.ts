import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsDeliveryError } from './sms-sender';
import { SmsRuSender } from './smsru.sender';

/** A stand-in for sms.ru on 127.0.0.1 (the real service is outside this machine). */
describe('SmsRuSender', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Array<{ path: string; body: URLSearchParams }> = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        seen.push({ path: req.url ?? '', body: new URLSearchParams(raw) });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts the message as SMS.ru expects', async () => {
    answer = { status: 200, body: { status: 'OK', sms: { '79123456789': { status: 'OK' } } } };
    await new SmsRuSender({ apiId: 'KEY', baseUrl, from: 'Granit' }).send(
      '+79123456789',
      'Код 123456',
    );
    const last = seen.at(-1)!;
    expect(last.path).toBe('/sms/send');
    expect(Object.fromEntries(last.body)).toEqual({
      api_id: 'KEY',
      to: '79123456789',
      msg: 'Код 123456',
      json: '1',
      from: 'Granit',
    });
  });

  it('fails when SMS.ru refuses the number', async () => {
    answer = {
      status: 200,
      body: {
        status: 'OK',
        sms: { '79123456789': { status: 'ERROR', status_text: 'Неправильный номер' } },
      },
    };
    await expect(
      new SmsRuSender({ apiId: 'KEY', baseUrl }).send('+79123456789', 'x'),
    ).rejects.toThrow(/Неправильный номер/);
  });

  it('fails on HTTP errors and unreachable hosts', async () => {
    answer = { status: 503, body: {} };
    await expect(
      new SmsRuSender({ apiId: 'KEY', baseUrl }).send('+79123456789', 'x'),
    ).rejects.toBeInstanceOf(SmsDeliveryError);
    await expect(
      new SmsRuSender({ apiId: 'KEY', baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 }).send(
        '+79123456789',
        'x',
      ),
    ).rejects.toBeInstanceOf(SmsDeliveryError);
  });
});
