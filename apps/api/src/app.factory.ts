import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { registerCsrf } from './common/csrf';
import { registerEdgeChecks, registerJsonParser } from './common/edge';
import { quietFramework } from './common/logging';
import { problem } from './common/problem.filter';
import fastifyMultipart from '@fastify/multipart';
import { createValidationPipe } from './common/validation';
import { cookieSettings } from './modules/auth/cookies';

export type KabinetApp = NestFastifyApplication;

/** Builds the API (and the SPA it serves) without listening; main, tests and scripts share it. */
export async function createApp(
  options: AppModuleOptions & { bufferLogs?: boolean; silent?: boolean },
): Promise<{ app: KabinetApp; document: OpenAPIObject }> {
  const { config } = options;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Errors Fastify answers before routing (an over-long path parameter, a URL that cannot be
    // decoded) are problems like every other error.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 400;
      const body = problem(
        status,
        status === 414 ? 'uri_too_long' : 'malformed_request',
        error.message,
      );
      void reply
        .status(status)
        .type('application/problem+json')
        .send({ ...body, requestId: String(request.id) });
    },
    // What Node's HTTP parser refuses before Fastify sees a request (a URL or headers over 16 KB,
    // a request that is not HTTP): a problem too, written on the socket.
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      if (error.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      const status =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? 431
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? 408
            : 400;
      const body = JSON.stringify(
        problem(
          status,
          status === 431 ? 'headers_too_large' : 'malformed_request',
          status === 431
            ? 'The URL with its query, or the headers, are longer than 16 KB'
            : status === 408
              ? 'The request did not arrive in time'
              : 'This is not a well-formed HTTP request',
        ),
      );
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      req.headers['x-request-id'] = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    {
      bufferLogs: true,
      // Bodies are JSON objects (our parser, see registerJsonParser) or uploads (multipart).
      bodyParser: false,
      logger: options.silent ? false : undefined,
    },
  );
  if (!options.silent) {
    const logger = app.get(Logger);
    app.useLogger(config.production ? logger : quietFramework(logger));
  }
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });

  const cookies = cookieSettings(config);
  const fastify = app.getHttpAdapter().getInstance();
  // First: it replaces every body parser there is, so uploads' parser must come after it.
  registerJsonParser(fastify);
  await app.register(fastifyCookie);
  // File uploads (a 1C file by hand): streamed, never buffered whole; one file per request.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: config.exchange.uploadLimitBytes, files: 1, fields: 0, parts: 1 },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
  });
  registerCsrf(fastify, { name: cookies.csrfName, options: cookies.csrf });
  registerEdgeChecks(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  if (existsSync(config.webDistDir)) {
    await app.register(fastifyStatic, { root: config.webDistDir, prefix: '/', wildcard: false });
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kabinet API')
      .setDescription(
        'REST API of Kabinet, the customer cabinet. Errors are application/problem+json with a typed `code`. ' +
          'Cookie sessions: state-changing requests must echo the `kabinet_csrf` cookie in the `x-csrf-token` header.',
      )
      .setVersion('0.1.0')
      .addServer('/', 'This Kabinet instance')
      .addCookieAuth(
        cookies.sessionName,
        { type: 'apiKey', in: 'cookie', name: cookies.sessionName },
        'session',
      )
      .build(),
    { operationIdFactory: (_controller, method) => method },
  );
  markPublicOperations(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return { app, document };
}

/** Operations without a security requirement are public: say so explicitly (`security: []`). */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (op && !op.security) op.security = [];
    }
  }
}
