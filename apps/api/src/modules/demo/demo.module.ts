import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { ExchangeModule } from '../exchange/exchange.module';
import { DemoService } from './demo.service';

@Module({
  imports: [StaffModule, ExchangeModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
