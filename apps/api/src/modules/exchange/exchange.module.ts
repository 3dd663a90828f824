import { readFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Db } from '../../database/sql';
import { ExchangeAdminService } from './exchange-admin.service';
import { ExchangeController } from './exchange.controller';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeScheduler } from './exchange.scheduler';
import { ExchangeService } from './exchange.service';
import { ExportService } from './export.service';
import { ExportsRepository } from './exports.repository';
import { FileImporterService } from './file-importer.service';
import { ImportLedgerRepository } from './import-ledger.repository';
import { LocalFolderSource } from './sources/local.source';
import { SftpSource } from './sources/sftp.source';
import { EXCHANGE_SOURCE, type ExchangeSource } from './sources/source';

function sourceFrom(config: AppConfig): ExchangeSource | null {
  const source = config.exchange.source;
  switch (source.kind) {
    case 'off':
      return null;
    case 'local':
      return new LocalFolderSource(source.inbox, source.outbox);
    case 'sftp':
      return new SftpSource({
        host: source.host,
        port: source.port,
        username: source.username,
        ...(source.password !== undefined ? { password: source.password } : {}),
        ...(source.privateKeyFile ? { privateKey: readFileSync(source.privateKeyFile) } : {}),
        ...(source.passphrase ? { passphrase: source.passphrase } : {}),
        ...(source.hostKeySha256 ? { hostKeySha256: source.hostKeySha256 } : {}),
        inbox: source.inbox,
        outbox: source.outbox,
        connectTimeoutMs: source.connectTimeoutMs,
      });
  }
}

/** The 1C exchange: transport (SFTP or a folder), the import ledger, the schedule, the outbox. */
@Module({
  controllers: [ExchangeController],
  providers: [
    { provide: EXCHANGE_SOURCE, inject: [APP_CONFIG], useFactory: sourceFrom },
    // No Nest decorators in it: the import process and the CLI build it with `new`.
    {
      provide: ImportLedgerRepository,
      inject: [DB],
      useFactory: (db: Db) => new ImportLedgerRepository(db),
    },
    ExchangeRepository,
    ExportsRepository,
    FileImporterService,
    ExportService,
    ExchangeService,
    ExchangeAdminService,
    ExchangeScheduler,
  ],
  exports: [ExchangeService, ExportService, FileImporterService],
})
export class ExchangeModule {}
