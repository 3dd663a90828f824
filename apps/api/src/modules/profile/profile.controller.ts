import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { ChangeRequestDto } from '../change-requests/change-requests.dto';
import { CreateChangeRequestDto, ProfileDto, UpdateNotificationSettingsDto } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@Controller()
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Get('profile')
  @ApiOperation({
    summary: 'My contact data from 1C, my change requests, my notification settings',
  })
  @Authenticated({ permission: 'profile.manage' })
  @ApiOkResponse({ type: ProfileDto })
  getProfile(@Auth() auth: AuthContext) {
    return this.profile.get(auth);
  }

  @Put('profile/notification-settings')
  @ApiOperation({ summary: 'Turn notification channels on or off per kind' })
  @Authenticated({ permission: 'profile.manage' })
  @ApiOkResponse({ type: ProfileDto })
  updateNotificationSettings(
    @Auth() auth: AuthContext,
    @Body() body: UpdateNotificationSettingsDto,
  ) {
    return this.profile.updateSettings(auth, body);
  }

  @Post('profile/change-requests')
  @ApiOperation({
    summary: 'Ask to change my phone or e-mail: the manager changes it in 1C (exported to 1C)',
  })
  @Authenticated({ permission: 'profile.manage' })
  @ApiCreatedResponse({ type: ChangeRequestDto })
  createChangeRequest(@Auth() auth: AuthContext, @Body() body: CreateChangeRequestDto) {
    return this.profile.requestChange(auth, body);
  }
}
