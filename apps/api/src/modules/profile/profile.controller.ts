import { ApiIdParams, idPipe } from '../../common/id-param';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import {
  ChangeRequestDto,
  ChangeRequestPageDto,
  CreateChangeRequestDto,
  ListChangeRequestsQueryDto,
  ProfileDto,
  ResolveChangeRequestDto,
  UpdateNotificationSettingsDto,
} from './profile.dto';
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

  @Get('change-requests')
  @ApiOperation({ summary: 'The queue of customers’ contact change requests' })
  @Authenticated({ permission: 'changeRequest.manage' })
  @ApiOkResponse({ type: ChangeRequestPageDto })
  listChangeRequests(@Auth() auth: AuthContext, @Query() query: ListChangeRequestsQueryDto) {
    return this.profile.queue(auth, query);
  }

  @Post('change-requests/:id/resolution')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Mark a change request done or rejected, with an answer' })
  @Authenticated({ permission: 'changeRequest.manage' })
  @ApiCreatedResponse({ type: ChangeRequestDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  resolveChangeRequest(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Change request')) id: string,
    @Body() body: ResolveChangeRequestDto,
  ) {
    return this.profile.resolve(auth, id, body);
  }
}
