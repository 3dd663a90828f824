import { Module } from '@nestjs/common';
import { ExchangeModule } from '../exchange/exchange.module';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';

@Module({
  imports: [ExchangeModule],
  controllers: [ProfileController],
  providers: [ProfileService],
})
export class ProfileModule {}
