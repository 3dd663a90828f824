import { Global, Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { CompanyController } from './company.controller';
import { CompanyRepository } from './company.repository';
import { CompanyService } from './company.service';

/** The company profile; global, since SMS, e-mails and PDFs all sign with it. */
@Global()
@Module({
  imports: [FilesModule],
  controllers: [CompanyController],
  providers: [CompanyRepository, CompanyService],
  exports: [CompanyService],
})
export class CompanyModule {}
