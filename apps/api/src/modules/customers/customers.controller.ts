import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { CustomerPageDto, ListCustomersQueryDto, StartViewAsDto } from './customers.dto';
import { CustomersService } from './customers.service';

@ApiTags('customers')
@Controller()
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get('customers')
  @ApiOperation({ summary: 'Search the customers I may see (name, phone, contract number)' })
  @Authenticated({ permission: 'customer.read' })
  @ApiOkResponse({ type: CustomerPageDto })
  listCustomers(@Auth() auth: AuthContext, @Query() query: ListCustomersQueryDto) {
    return this.customers.list(auth, query);
  }

  @Post('view-as')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'View a customer’s cabinet read-only exactly as they see it: this session acts as the customer until DELETE /api/view-as (audited)',
  })
  @Authenticated({ permission: 'customer.viewAs' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ProblemDto })
  startViewAs(@Auth() auth: AuthContext, @Body() body: StartViewAsDto) {
    return this.customers.startViewAs(auth, body.customerId);
  }

  @Delete('view-as')
  @HttpCode(204)
  @ApiOperation({ summary: 'Back to my own cabinet from viewing as a customer' })
  @Authenticated({ duringViewAs: true })
  @ApiNoContentResponse()
  endViewAs(@Auth() auth: AuthContext) {
    return this.customers.endViewAs(auth);
  }
}
