import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { logDestination } from './logging';

function pretty(line: object): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const stream = logDestination({ logPretty: true }, out)!;
  stream.write(`${JSON.stringify({ level: 30, time: 0, ...line })}\n`);
  return stripVTControlCharacters(text);
}

describe('pretty log lines', () => {
  it('a finished request: method, URL, status and time', () => {
    const text = pretty({
      req: { method: 'GET', url: '/api/me' },
      res: { statusCode: 200 },
      responseTime: 4,
      msg: 'request completed',
    });
    expect(text).toContain('GET /api/me 200 4 ms request completed');
  });

  it('a line logged during a request: its context and message, no empty status or time', () => {
    const text = pretty({
      context: 'DevOutbox',
      req: { method: 'POST', url: '/api/auth/otp/request' },
      msg: 'SMS to +79123456789',
    });
    expect(text).toContain('[DevOutbox] SMS to +79123456789');
    expect(text).not.toMatch(/ ms /);
  });
});
