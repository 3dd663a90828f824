import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** The deepest page a list answers (an empty one past the end); more is a 400, never an overflow. */
export const MAX_PAGE = 100_000;
export const MAX_PAGE_SIZE = 100;

/**
 * A whole number in the query, between `min` and `max`: written in digits only (no `1e18`,
 * `0x10`, `1.5` or spaces), so what the client meant and what the database gets are the same.
 */
export function QueryInt(options: {
  min: number;
  max: number;
  default?: number;
  description?: string;
}): PropertyDecorator {
  const { min, max } = options;
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: min,
      maximum: max,
      default: options.default,
      description: options.description,
    }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
    ),
    IsInt({ message: ({ property }) => `${property} must be a whole number written in digits` }),
    Min(min, { message: ({ property }) => `${property} must be ${min} or more` }),
    Max(max, { message: ({ property }) => `${property} must be ${max} or less` }),
  );
}

/** A yes/no in the query: `true`/`1` or `false`/`0`; anything else is a 400, not a silent no. */
export function QueryBoolean(description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => {
      if (value === true || value === 'true' || value === '1') return true;
      if (value === false || value === 'false' || value === '0') return false;
      return value;
    }),
    IsBoolean({ message: ({ property }) => `${property} must be true or false (or 1 or 0)` }),
  );
}

/** `page` and `pageSize` of every list: bounded, so no page number reaches SQL as an overflow. */
export class PageQueryDto {
  @QueryInt({ min: 1, max: MAX_PAGE, default: 1 })
  page?: number;

  @QueryInt({ min: 1, max: MAX_PAGE_SIZE, default: 20 })
  pageSize?: number;
}

/** A page of a list, as every list answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The answer type of a list of `item`s; a list names its own: `class XPageDto extends
 * PageDto(XDto) {}` (and adds what else it tells, such as the unread count).
 */
export function PageDto<T>(item: Type<T>): Type<Page<T>> {
  class PageOf implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() total: number;
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
  }
  return PageOf;
}
