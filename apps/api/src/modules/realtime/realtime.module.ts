import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RealtimeAdapter } from './realtime.adapter';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

/**
 * socket.io on the API's port (see realtime.gateway.ts), shared across replicas through
 * PostgreSQL. Global: any module injects `RealtimeService` to push events or register client
 * events.
 */
@Global()
@Module({
  imports: [AuthModule],
  providers: [RealtimeGateway, RealtimeService, RealtimeAdapter],
  exports: [RealtimeService],
})
export class RealtimeModule {}
