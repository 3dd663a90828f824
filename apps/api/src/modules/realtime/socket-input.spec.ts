import 'reflect-metadata';
import { NotFoundException } from '@nestjs/common';
import { IsString } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/domain-error';
import { allowedOrigins, originAllowed } from './realtime.gateway';
import { toAckError, validateInput } from './socket-input';

class NameDto {
  @IsString()
  name: string;
}

async function refusal(input: unknown) {
  try {
    await validateInput(NameDto, input);
  } catch (err) {
    return toAckError(err).error;
  }
  throw new Error('accepted');
}

describe('validateInput', () => {
  it('answers the DTO instance for a valid object', async () => {
    const dto = await validateInput(NameDto, { name: 'Иванова' });
    expect(dto).toBeInstanceOf(NameDto);
    expect(dto.name).toBe('Иванова');
  });

  it('refuses what is not a JSON object', async () => {
    for (const input of [null, undefined, 'name', 12, [{ name: 'a' }]]) {
      expect(await refusal(input)).toMatchObject({ code: 'malformed_request', status: 400 });
    }
  });

  it('refuses keys that reach a prototype, at any depth', async () => {
    for (const text of [
      '{"name":"a","__proto__":{"x":1}}',
      '{"name":"a","deep":{"__proto__":{}}}',
      '{"name":"a","constructor":{"prototype":{}}}',
    ]) {
      expect(await refusal(JSON.parse(text))).toMatchObject({ code: 'malformed_request' });
    }
  });

  it('refuses NUL and lone surrogates with the field named, like the HTTP edge', async () => {
    expect(await refusal({ name: 'a\u0000b' })).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'name', message: expect.stringContaining('NUL') }],
    });
    expect(await refusal({ name: '\ud800' })).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'name', message: expect.stringContaining('surrogate') }],
    });
  });

  it('applies the ValidationPipe’s rules: unknown fields refused, a message per field', async () => {
    expect(await refusal({ name: 1, other: true })).toEqual({
      code: 'validation_failed',
      status: 400,
      message: 'The request is not valid',
      errors: [
        { path: 'other', message: 'property other should not exist' },
        { path: 'name', message: 'name must be a string' },
      ],
    });
  });
});

describe('toAckError', () => {
  it('keeps a DomainError’s code, status and message', () => {
    expect(toAckError(new DomainError('read_only', 'No'))).toEqual({
      error: { code: 'read_only', status: 403, message: 'No' },
      unexpected: false,
    });
  });

  it('maps Nest’s HTTP exceptions as the problem filter does', () => {
    expect(toAckError(new NotFoundException('Gone')).error).toEqual({
      code: 'not_found',
      status: 404,
      message: 'Gone',
    });
  });

  it('answers anything else internal, with an id for the log line, and says it was unexpected', () => {
    const { error, unexpected } = toAckError(new TypeError('x is undefined'));
    expect(unexpected).toBe(true);
    expect(error).toEqual({
      code: 'internal',
      status: 500,
      message: 'Internal server error',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});

describe('origins', () => {
  const allowed = allowedOrigins({
    publicUrl: 'https://lk.example.ru',
    corsOrigins: ['https://partner.example:8443/', 'not a url'],
  });

  it('are PUBLIC_URL’s and CORS_ORIGINS’ origins', () => {
    expect([...allowed]).toEqual(['https://lk.example.ru', 'https://partner.example:8443']);
  });

  it('match an Origin header exactly by scheme, host and port', () => {
    expect(originAllowed('https://lk.example.ru', allowed)).toBe(true);
    expect(originAllowed('https://LK.example.ru:443', allowed)).toBe(true);
    expect(originAllowed('https://partner.example:8443', allowed)).toBe(true);
    for (const origin of [
      undefined,
      '',
      'null',
      'http://lk.example.ru',
      'https://lk.example.ru.evil.example',
      'https://partner.example',
      'not a url',
    ]) {
      expect(originAllowed(origin, allowed)).toBe(false);
    }
  });

  it('take localhost as any name of the loopback, on the same port and scheme only', () => {
    const local = allowedOrigins({ publicUrl: 'http://localhost:3000', corsOrigins: [] });
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(originAllowed(origin, local)).toBe(true);
    }
    for (const origin of [
      'http://127.0.0.1:3001',
      'https://127.0.0.1:3000',
      'http://127.0.0.2:3000',
      'http://localhost.evil.example:3000',
    ]) {
      expect(originAllowed(origin, local)).toBe(false);
    }
    // Another host's PUBLIC_URL does not open the loopback.
    expect(originAllowed('http://127.0.0.1', allowed)).toBe(false);
  });
});
