import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { HealthRepository } from './health.repository';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['up'] }) database: 'up';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly repo: HealthRepository) {}

  /** 200 when the API and its database answer; 503 otherwise. */
  @Get()
  @ApiOperation({ summary: 'Liveness and database check' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  @Public()
  @ApiOkResponse({ type: HealthDto })
  async getHealth(): Promise<HealthDto> {
    try {
      await this.repo.ping();
    } catch {
      throw new ServiceUnavailableException('Database unavailable');
    }
    return { status: 'ok', database: 'up' };
  }
}
