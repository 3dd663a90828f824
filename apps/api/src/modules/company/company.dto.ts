import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPANY_LIMITS } from '@kabinet/shared';

/** What anyone may see before logging in: the brand, nothing else. */
export class BrandDto {
  @ApiProperty({ type: String, nullable: true, example: 'Гранит-Мастер' })
  name: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Памятники и благоустройство, ремонт квартир',
    description: 'What the company does, one line',
  })
  description: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/company/logo/7f1c0d3e-2a00-4b00-8000-000000000001',
    description: 'The logo (PNG, JPEG, GIF or WebP); the URL changes when the logo does',
  })
  logoUrl: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '#0b7285',
    description: 'The brand colour (#rrggbb) that white text reads on; null: the app’s own',
  })
  color: string | null;
}

/** The company profile: the brand and the contacts (what is not set is null or empty). */
export class CompanyDto extends BrandDto {
  @ApiProperty({
    type: [String],
    example: ['+74951201000'],
    description: 'E.164, in the order set; empty when none is set',
  })
  phones: string[];
  @ApiProperty({ type: String, nullable: true, example: 'info@granit-master.example' })
  email: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Москва, ул. Каменная, 12' })
  address: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
    description: 'Working hours as free text',
  })
  hours: string | null;
}

/**
 * The whole profile but the logo (which has its own routes). Missing or empty optional fields
 * are cleared; text is trimmed and its line breaks become spaces.
 */
export class UpdateCompanyDto {
  @ApiProperty({ maxLength: COMPANY_LIMITS.name, example: 'Гранит-Мастер' })
  @IsString()
  @MaxLength(COMPANY_LIMITS.name)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: COMPANY_LIMITS.description })
  @IsOptional()
  @IsString()
  @MaxLength(COMPANY_LIMITS.description)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '#0b7285',
    maxLength: 20,
    description: `#rrggbb; white text on it must have a contrast of at least 4.5:1`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  color?: string | null;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: COMPANY_LIMITS.phones,
    items: { type: 'string', maxLength: 40 },
    example: ['+7 495 120-10-00'],
    description: 'Any format; stored as E.164',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(COMPANY_LIMITS.phones)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: COMPANY_LIMITS.email })
  @IsOptional()
  @IsString()
  @MaxLength(COMPANY_LIMITS.email)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: COMPANY_LIMITS.address })
  @IsOptional()
  @IsString()
  @MaxLength(COMPANY_LIMITS.address)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: COMPANY_LIMITS.hours })
  @IsOptional()
  @IsString()
  @MaxLength(COMPANY_LIMITS.hours)
  hours?: string | null;
}
