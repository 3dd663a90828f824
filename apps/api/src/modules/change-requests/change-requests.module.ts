import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ChangeRequestsController } from './change-requests.controller';
import { ChangeRequestsRepository } from './change-requests.repository';
import { ChangeRequestsService } from './change-requests.service';

/**
 * Customers' requests to change their phone or e-mail: the staff queue and its answers. (A
 * customer asks from the profile, `POST /api/profile/change-requests`.)
 */
@Module({
  imports: [AuditModule],
  controllers: [ChangeRequestsController],
  providers: [ChangeRequestsRepository, ChangeRequestsService],
})
export class ChangeRequestsModule {}
