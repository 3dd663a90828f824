import { Module } from '@nestjs/common';
import { DB, type Db } from '../../database/sql';
import { AuditModule } from '../audit/audit.module';
import { SharesController } from './shares.controller';
import { SharesRepository } from './shares.repository';
import { SharesService } from './shares.service';

/**
 * Family members: a contract shared by its owner with other people by phone (read-only or in
 * full, revocable). Who may read or write a contract because of a share is AccessService's
 * (contractScope, assertContractWritable); the 1C import's side is guest-accounts.ts.
 */
@Module({
  imports: [AuditModule],
  controllers: [SharesController],
  providers: [
    // No Nest in the repository: the 1C import process uses it too (guest-accounts.ts).
    { provide: SharesRepository, useFactory: (db: Db) => new SharesRepository(db), inject: [DB] },
    SharesService,
  ],
})
export class SharesModule {}
