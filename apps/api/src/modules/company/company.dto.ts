import { ApiProperty } from '@nestjs/swagger';

/** The company's contacts as configured (COMPANY_*); what is not configured is null or empty. */
export class CompanyDto {
  @ApiProperty({ type: String, nullable: true, example: 'Гранит-Мастер' })
  name: string | null;
  @ApiProperty({
    type: [String],
    example: ['+74951201000'],
    description: 'E.164, in the configured order; empty when none is configured',
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
