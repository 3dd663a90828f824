import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from '../../common/domain-error';
import { ProblemDto } from '../../common/problem.dto';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Public } from '../auth/auth.decorators';
import { DevOutboxService } from './dev-outbox.service';

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
    private readonly outbox: DevOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Recent SMS of the dev sender (not in production)' })
  @ApiNotFoundResponse({ description: 'In production', type: ProblemDto })
  @Public()
  @ApiOkResponse({ type: [DevOutboxMessageDto] })
  async listDevOutbox(): Promise<DevOutboxMessageDto[]> {
    if (!this.config.devOutboxEnabled) throw DomainError.notFound('Route');
    const rows = await this.outbox.newest(50);
    return rows.map((m) => ({
      id: m.id,
      phone: m.phone,
      text: m.text,
      createdAt: m.created_at.toISOString(),
    }));
  }
}
