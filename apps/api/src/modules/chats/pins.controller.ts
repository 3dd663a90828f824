import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdParams, idPipe } from '../../common/id-param';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { ChatMessageDto, ChatPinDto } from './chats.dto';
import { CreatePinDto } from './pins.dto';
import { PinsService } from './pins.service';

/** Numbered comments pinned to points of a picture sent in a chat. */
@ApiTags('chats')
@Controller()
export class PinsController {
  constructor(private readonly pins: PinsService) {}

  @Get('chats/:id/attachments/:attachmentId/pins')
  @ApiIdParams('id', 'attachmentId')
  @ApiOperation({ summary: 'The comments pinned to a picture, by number' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: [ChatPinDto] })
  @ApiNotFoundResponse({ type: ProblemDto })
  listPins(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('attachmentId', idPipe('Attachment')) attachmentId: string,
  ) {
    return this.pins.list(auth, id, attachmentId);
  }

  @Post('chats/:id/attachments/:attachmentId/pins')
  @ApiIdParams('id', 'attachmentId')
  @ApiOperation({
    summary: 'Pin a numbered comment to a point of a picture; answers its message',
    description:
      'Any picture sent in the chat; the customer and staff who may write in it. Numbers go ' +
      '1, 2, 3 per picture.',
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiCreatedResponse({ type: ChatMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  addPin(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('attachmentId', idPipe('Attachment')) attachmentId: string,
    @Body() body: CreatePinDto,
  ) {
    return this.pins.add(auth, id, attachmentId, body);
  }
}
