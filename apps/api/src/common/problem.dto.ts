import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@kabinet/shared';

export class FieldErrorDto {
  @ApiProperty({ example: 'phone' })
  path: string;
  @ApiProperty({ example: 'phone must be a valid phone number' })
  message: string;
  @ApiPropertyOptional({
    example: 1000,
    description: 'For a text that is too long: the most characters the field takes',
  })
  maxLength?: number;
}

/** RFC 9457 problem details, with Kabinet's typed error code. */
export class ProblemDto {
  @ApiProperty({ example: 'https://kabinet.dev/problems/validation_failed' })
  type: string;
  @ApiProperty({ example: 'The request is not valid' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode' })
  code: ErrorCode;
  @ApiPropertyOptional()
  detail?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  fields?: FieldErrorDto[];
  @ApiPropertyOptional({ description: 'For 429 answers: when to try again' })
  retryAfterSeconds?: number;
  @ApiPropertyOptional({
    description:
      'For a wrong login code: how many more tries the code allows (0: request a new one)',
  })
  attemptsLeft?: number;
  @ApiPropertyOptional({ description: 'The request id, to find the request in the logs' })
  requestId?: string;
}
