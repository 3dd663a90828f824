import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { ExchangeModule } from '../exchange/exchange.module';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [StaffModule, ExchangeModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
