import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ExchangeModule } from '../exchange/exchange.module';
import { DemoService } from './demo.service';

@Module({
  imports: [AuthModule, ExchangeModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
