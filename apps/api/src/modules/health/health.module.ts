import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

/** `GET /api/health`: the API and its database answer. */
@Module({ controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
