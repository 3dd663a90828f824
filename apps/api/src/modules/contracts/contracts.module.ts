import { Module } from '@nestjs/common';
import { ContractsController } from './contracts.controller';
import { ContractsRepository } from './contracts.repository';
import { ContractsService } from './contracts.service';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';

@Module({
  controllers: [ContractsController, DocumentsController],
  providers: [ContractsRepository, ContractsService, DocumentsRepository, DocumentsService],
})
export class ContractsModule {}
