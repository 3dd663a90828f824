import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ExchangeUpsertService } from '../exchange/upsert.service';
import { DemoService } from './demo.service';

@Module({
  imports: [AuthModule],
  providers: [DemoService, ExchangeUpsertService],
  exports: [DemoService],
})
export class DemoModule {}
