import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { ProblemDto } from '../../common/problem.dto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Public } from '../auth/auth.decorators';
import { DevOutboxMessage } from './dev-outbox-message.entity';

export class DevOutboxMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '+79123456789' }) phone: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The SMS the dev sender "sent", newest first. Exists only outside production. */
@ApiTags('dev')
@Controller('dev/outbox')
export class DevOutboxController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Recent SMS of the dev sender (not in production)' })
  @ApiNotFoundResponse({ description: 'In production', type: ProblemDto })
  @Public()
  @ApiOkResponse({ type: [DevOutboxMessageDto] })
  async listDevOutbox(): Promise<DevOutboxMessageDto[]> {
    if (!this.config.devOutboxEnabled) throw DomainError.notFound('Route');
    const rows = await this.db
      .getRepository(DevOutboxMessage)
      .find({ order: { createdAt: 'DESC' }, take: 50 });
    return rows.map((m) => ({
      id: m.id,
      phone: m.phone,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
    }));
  }
}
