import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { CompanyDto } from './company.dto';
import { CompanyService } from './company.service';

@ApiTags('company')
@Controller('company')
export class CompanyController {
  constructor(private readonly company: CompanyService) {}

  @Get()
  @ApiOperation({
    summary: 'The company’s contacts: name, phones, e-mail, address, working hours',
    description: 'From the configuration (COMPANY_*); what is not configured is null or empty.',
  })
  @Authenticated()
  @ApiOkResponse({ type: CompanyDto })
  getCompany(@Auth() auth: AuthContext): CompanyDto {
    return this.company.get(auth);
  }
}
