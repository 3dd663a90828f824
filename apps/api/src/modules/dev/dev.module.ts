import { Global, Module } from '@nestjs/common';
import { DevOutboxController } from './dev-outbox.controller';
import { DevOutboxRepository } from './dev-outbox.repository';
import { DevOutboxService } from './dev-outbox.service';

/**
 * What exists for development and demos only: the SMS outbox of the dev sender (`/api/dev/outbox`,
 * 404 in production), which the login page links to so a demo needs no phone.
 */
@Global()
@Module({
  controllers: [DevOutboxController],
  providers: [DevOutboxRepository, DevOutboxService],
  exports: [DevOutboxService],
})
export class DevModule {}
