import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class OtpRequestDto {
  @ApiProperty({
    example: '+7 912 345-67-89',
    description: 'Any common format; region RU by default',
    minLength: 5,
    maxLength: 30,
  })
  @IsString()
  @MinLength(5)
  @MaxLength(30)
  phone: string;
}

export class OtpRequestedDto {
  @ApiProperty({ example: 300 }) expiresInSeconds: number;
  @ApiProperty({ example: 60 }) resendAfterSeconds: number;
}

export class OtpVerifyDto {
  @ApiProperty({ example: '+79123456789', minLength: 5, maxLength: 30 })
  @IsString()
  @MinLength(5)
  @MaxLength(30)
  phone: string;

  @ApiProperty({ example: '123456', pattern: '^\\d{6}$', minLength: 6, maxLength: 6 })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class StaffLoginDto {
  @ApiProperty({ example: 'admin', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  login: string;

  @ApiProperty({ example: 'correct horse battery staple', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}
