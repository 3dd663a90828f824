import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Clock } from './common/clock';
import { logDestination, requestLogLevel } from './common/logging';
import { ProblemFilter } from './common/problem.filter';
import { APP_CONFIG, type AppConfig } from './config/config';
import { dataSourceOptions, type Migrations } from './database/data-source-options';
import { AccessModule } from './modules/access/access.module';
import { AuthModule } from './modules/auth/auth.module';
import { ChatsModule } from './modules/chats/chats.module';
import { ChangeRequestsModule } from './modules/change-requests/change-requests.module';
import { CompanyModule } from './modules/company/company.module';
import { SessionGuard } from './modules/auth/session.guard';
import { ContractsModule } from './modules/contracts/contracts.module';
import { CustomersModule } from './modules/customers/customers.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ProfileModule } from './modules/profile/profile.module';
import { RealtimeModule } from './modules/realtime/realtime.module';
import { SharesModule } from './modules/shares/shares.module';
import { DatabaseModule } from './database/database.module';
import { DATABASE_URL } from './database/tokens';
import { JobsModule } from './jobs/jobs.module';
import { DemoModule } from './modules/demo/demo.module';
import { EventsModule } from './modules/events/events.module';
import { ExchangeModule } from './modules/exchange/exchange.module';
import { HealthModule } from './modules/health/health.module';
import { MailModule } from './modules/mail/mail.module';
import { SmsModule } from './modules/sms/sms.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
  /** False builds the app without connecting to a database (to write the OpenAPI spec). */
  connectDatabase?: boolean;
  /** Migration classes (tests); the built app loads them from dist/database/migrations. */
  migrations?: Migrations;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: withDestination(
            {
              level: config.logLevel,
              genReqId: (req) => String(req.headers['x-request-id'] ?? ''),
              redact: [
                'req.headers.cookie',
                'req.headers.authorization',
                'res.headers["set-cookie"]',
              ],
              customProps: () => ({ service: 'kabinet-api' }),
              customLogLevel: requestLogLevel(config),
              // Health checks (every few seconds from a load balancer) are not worth a line. The
              // middleware sees the path below its mount point in `url`, the full one in
              // `originalUrl`.
              autoLogging: {
                ignore: (req) =>
                  ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0] ===
                  '/api/health',
              },
            },
            logDestination(config),
          ),
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.databaseUrl, options.migrations),
          manualInitialization: options.connectDatabase === false,
        }),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'default', ttl: 60_000, limit: 600 }],
          skipIf: () => !config.rateLimitEnabled,
        }),
        DatabaseModule,
        JobsModule,
        EventsModule,
        SmsModule,
        MailModule,
        AccessModule,
        AuthModule,
        RealtimeModule,
        CompanyModule,
        ContractsModule,
        CustomersModule,
        NotificationsModule,
        ProfileModule,
        ChangeRequestsModule,
        ChatsModule,
        SharesModule,
        ExchangeModule,
        DemoModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: options.databaseUrl },
        { provide: Clock, useValue: options.clock ?? new Clock() },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: SessionGuard },
      ],
      exports: [APP_CONFIG, DATABASE_URL, Clock],
    };
  }
}

type PinoHttpOptions = Exclude<Params['pinoHttp'], DestinationStream | unknown[] | undefined>;

function withDestination(
  options: PinoHttpOptions,
  destination: DestinationStream | null,
): Params['pinoHttp'] {
  return destination ? [options, destination] : options;
}
