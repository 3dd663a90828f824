import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsrfExempt, registerCsrf } from './csrf';

@Controller('hooks')
class HooksController {
  @Post('signed')
  @HttpCode(204)
  @CsrfExempt('signed by its sender')
  signed() {}

  @Post('plain')
  @HttpCode(204)
  plain() {}
}

@Module({ controllers: [HooksController] })
class HooksModule {}

describe('CSRF check', () => {
  let app: NestFastifyApplication;
  const inject = (method: 'POST' | 'PUT', url: string, headers: Record<string, string> = {}) =>
    app.getHttpAdapter().getInstance().inject({ method, url, headers });

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(HooksModule, new FastifyAdapter(), {
      logger: false,
    });
    app.setGlobalPrefix('api');
    await app.register(fastifyCookie);
    registerCsrf(app.getHttpAdapter().getInstance(), { name: 'csrf', options: { path: '/' } });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('lets a route marked @CsrfExempt through without the token, however it is spelled', async () => {
    for (const url of ['/api/hooks/signed', '/%61pi/hooks/signed', '/api/hooks/%73igned']) {
      expect((await inject('POST', url)).statusCode).toBe(204);
    }
  });

  it('refuses every other route and every unmatched URL without the token', async () => {
    for (const url of ['/api/hooks/plain', '/%61pi/hooks/plain', '/nowhere', '/API/hooks/signed']) {
      const res = await inject('POST', url);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    }
    expect((await inject('PUT', '/api/hooks/signed')).statusCode).toBe(403);
  });

  it('lets a request with the cookie echoed in the header through', async () => {
    const res = await inject('POST', '/api/hooks/plain', {
      cookie: 'csrf=abc',
      'x-csrf-token': 'abc',
    });
    expect(res.statusCode).toBe(204);
  });

  it('refuses an empty reason', () => {
    expect(() => CsrfExempt(' ')).toThrow();
  });
});
