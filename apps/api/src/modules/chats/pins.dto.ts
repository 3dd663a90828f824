import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsString, Max, Min } from 'class-validator';
import { CHAT_LIMITS } from '@kabinet/shared';
import { MaxText } from '../../common/text-length';

const coordinate = (property: string) => `${property} must be a number from 0 to 1`;

export class CreatePinDto {
  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'From the picture’s left edge, as a part of its width (0..1)',
  })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: ({ property }) => coordinate(property) },
  )
  @Min(0, { message: ({ property }) => coordinate(property) })
  @Max(1, { message: ({ property }) => coordinate(property) })
  x: number;

  @ApiProperty({
    type: Number,
    minimum: 0,
    maximum: 1,
    description: 'From the picture’s top edge, as a part of its height (0..1)',
  })
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: ({ property }) => coordinate(property) },
  )
  @Min(0, { message: ({ property }) => coordinate(property) })
  @Max(1, { message: ({ property }) => coordinate(property) })
  y: number;

  @ApiProperty({ maxLength: CHAT_LIMITS.reasonLength, description: 'The comment (plain text)' })
  @MaxText(CHAT_LIMITS.reasonLength)
  @IsString({ message: 'body is required: write the comment' })
  body: string;
}
