import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { MeDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({ summary: 'Who I am: role, permissions, profile' })
  @Authenticated()
  @ApiOkResponse({ type: MeDto })
  getMe(@Auth() auth: AuthContext): Promise<MeDto> {
    return this.me.get(auth);
  }
}
