import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service';

/** The job queue, shared by the schedulers of every module. */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
