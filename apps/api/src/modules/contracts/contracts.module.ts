import { Module } from '@nestjs/common';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [ContractsController, DocumentsController],
  providers: [ContractsService, DocumentsService],
})
export class ContractsModule {}
