import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CHAT_LIMITS } from '@kabinet/shared';
import { readSingleUpload } from '../../common/upload';
import { Upload } from '../../common/edge';
import { UploadsService } from '../storage/uploads.service';
import {
  ApiBody,
  ApiConsumes,
  ApiProduces,
  ApiResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiIdParams, idPipe } from '../../common/id-param';
import { DomainError } from '../../common/domain-error';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import {
  AddParticipantDto,
  AttachmentQueryDto,
  ChatAttachmentDto,
  CandidatesQueryDto,
  ChatActorDto,
  ChatDto,
  ChatMaterialPageDto,
  ChatMessageDto,
  ChatMessagesDto,
  ChatMessagesQueryDto,
  ChatPageDto,
  CreateChatDto,
  ListChatsQueryDto,
  ChatMarkReadDto,
  MaterialsQueryDto,
  SendMessageDto,
  TotalUnreadDto,
  UnreadDto,
} from './chats.dto';
import { ChatsRealtime } from './chats.realtime';
import { ChatsService } from './chats.service';

/** Chats between customers and the company: the list, a chat, its messages and people. */
@ApiTags('chats')
@Controller()
export class ChatsController {
  constructor(
    private readonly chats: ChatsService,
    private readonly uploads: UploadsService,
    private readonly live: ChatsRealtime,
  ) {}

  @Get('chats')
  @ApiOperation({ summary: 'The chats the caller takes part in (staff: filters and search)' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatPageDto })
  listChats(@Auth() auth: AuthContext, @Query() query: ListChatsQueryDto) {
    return this.chats.list(auth, query);
  }

  @Get('chats/unread')
  @ApiOperation({ summary: 'Unread messages in all of the caller’s chats (the badge)' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: TotalUnreadDto })
  chatsUnread(@Auth() auth: AuthContext) {
    return this.chats.totalUnread(auth);
  }

  @Post('chats')
  @ApiOperation({ summary: 'Staff: open a chat with a customer, about a contract or in general' })
  @Authenticated({ permission: 'chat.manage' })
  @ApiCreatedResponse({ type: ChatDto })
  createChat(@Auth() auth: AuthContext, @Body() body: CreateChatDto) {
    return this.chats.create(auth, body);
  }

  @Get('contracts/:id/chats')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'The chats about a contract that the caller may see' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatPageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  contractChats(@Auth() auth: AuthContext, @Param('id', idPipe('Contract')) id: string) {
    return this.chats.forContract(auth, id);
  }

  @Get('chats/:id')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'A chat: its contract, customer, participants and what the caller may do',
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  getChat(@Auth() auth: AuthContext, @Param('id', idPipe('Chat')) id: string) {
    return this.chats.get(auth, id);
  }

  @Get('chats/:id/messages')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'Messages, oldest first: the latest page, older (before) or newer (after)',
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatMessagesDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  chatMessages(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Query() query: ChatMessagesQueryDto,
  ) {
    return this.chats.messages(auth, id, query);
  }

  @Post('chats/:id/messages')
  @ApiIdParams('id')
  @ApiOperation({
    summary: 'Send a message (idempotent by clientId); staff may ask for approval with it',
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiCreatedResponse({ type: ChatMessageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  sendChatMessage(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Body() body: SendMessageDto,
  ) {
    return this.chats.send(auth, id, body);
  }

  @Post('chats/:id/read')
  @HttpCode(200)
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Mark the chat read up to a message' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: UnreadDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  async markChatRead(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Body() body: ChatMarkReadDto,
  ): Promise<UnreadDto> {
    const { unread, total } = await this.live.read(auth, id, body.lastReadId);
    return { unread, total };
  }

  @Get('chats/:id/materials')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Every file sent in the chat, newest first' })
  @Authenticated({ permission: 'chat.read' })
  @ApiOkResponse({ type: ChatMaterialPageDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  chatMaterials(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Query() query: MaterialsQueryDto,
  ) {
    return this.chats.materials(auth, id, query);
  }

  @Get('chats/:id/candidates')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Staff: who can be added to the chat' })
  @Authenticated({ permission: 'chat.manage' })
  @ApiOkResponse({ type: [ChatActorDto] })
  @ApiNotFoundResponse({ type: ProblemDto })
  chatCandidates(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Query() query: CandidatesQueryDto,
  ) {
    return this.chats.candidates(auth, id, query.q);
  }

  @Post('chats/:id/participants')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'Staff: add a staff member to the chat' })
  @Authenticated({ permission: 'chat.manage' })
  @ApiCreatedResponse({ type: ChatDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  addChatParticipant(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Body() body: AddParticipantDto,
  ) {
    return this.chats.addParticipant(auth, id, body);
  }

  @Delete('chats/:id/participants/:participantId')
  @ApiIdParams('id', 'participantId')
  @ApiOperation({ summary: 'Staff: remove someone from the chat (what they wrote stays)' })
  @Authenticated({ permission: 'chat.manage' })
  @ApiOkResponse({ type: ChatDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  removeChatParticipant(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Param('participantId', idPipe('Participant')) participantId: string,
  ) {
    return this.chats.removeParticipant(auth, id, participantId);
  }

  @Post('chats/:id/attachments')
  @Upload()
  @ApiIdParams('id')
  @ApiOperation({
    summary: `Upload a file for a message to come (up to ${CHAT_LIMITS.fileBytes / 1048576} MB; pictures, PDF, office documents, zip, text — read from the bytes); send it with the message by its id`,
  })
  @Authenticated({ permission: 'chat.read' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: ChatAttachmentDto })
  @ApiResponse({ status: 400, description: 'A type that is not allowed', type: ProblemDto })
  @ApiResponse({ status: 413, description: 'Too large', type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  async uploadChatAttachment(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('Chat')) id: string,
    @Req() req: FastifyRequest,
  ): Promise<ChatAttachmentDto> {
    // Who may write here is checked before a byte is read.
    await this.chats.assertWritable(auth, id);
    const { part, read } = await readSingleUpload(req, {
      what: 'a file',
      fileSize: CHAT_LIMITS.fileBytes,
    });
    return read(this.chats.upload(auth, id, part));
  }

  @Get('chat-attachments/:id')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'A file sent in a chat (inline for pictures and PDF unless download)' })
  @Authenticated({ permission: 'chat.read' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async chatAttachment(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('File')) id: string,
    @Query() query: AttachmentQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const row = await this.chats.attachment(auth, id);
    return this.uploads.send(
      req,
      reply,
      { key: row.storage_key, mime: row.mime, name: row.name },
      { download: query.download ?? false },
    );
  }

  @Get('chat-attachments/:id/thumbnail')
  @ApiIdParams('id')
  @ApiOperation({ summary: 'A small copy of a picture sent in a chat (WebP)' })
  @Authenticated({ permission: 'chat.read' })
  @ApiProduces('image/webp')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such file, or not a picture' })
  async chatAttachmentThumbnail(
    @Auth() auth: AuthContext,
    @Param('id', idPipe('File')) id: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const row = await this.chats.attachment(auth, id);
    const thumb = this.uploads.thumbnail({ thumbKey: row.thumb_key, name: row.name });
    if (!thumb) throw DomainError.notFound('Thumbnail');
    return this.uploads.send(req, reply, thumb, {});
  }
}
