import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, type Database } from '../../database/sql';
import { DATABASE_URL } from '../../database/tokens';
import type { ImportOutcome, ImportRequest } from './import-ledger';
import { importerFromConfig } from './import-launcher';

/**
 * Imports one file (import-file.ts): a ledger row first, then every record in ONE transaction —
 * all or nothing; the same bytes imported before are a no-op ("duplicate"). By default in the
 * slim, heap-capped import process (EXCHANGE_IMPORT_WORKER), so a big file does not grow the
 * API's memory; in-process when that is off or when running from TypeScript sources (tests).
 */
@Injectable()
export class FileImporterService {
  private readonly logger = new Logger(FileImporterService.name);
  private readonly run: (request: ImportRequest) => Promise<ImportOutcome>;

  constructor(
    @Inject(DB) db: Database,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_CONFIG) config: AppConfig,
    clock: Clock,
  ) {
    this.run = importerFromConfig(config, databaseUrl, {
      db,
      now: () => clock.now(),
      logError: (err, message) => this.logger.error(err, message),
    });
  }

  import(request: ImportRequest): Promise<ImportOutcome> {
    return this.run(request);
  }
}
