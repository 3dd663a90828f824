import { Inject, Injectable } from '@nestjs/common';
import { CHAT_LIMITS, formatChatNumber } from '@kabinet/shared';
import { Clock, dateIn } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DB, sql, type Database, type Db, type Sql } from '../../database/sql';
import { AccessService } from '../access/access.service';
import type { AuthContext } from '../auth/auth-context';
import { appendEvents } from '../events/append-events';
import type { DomainEvent, EventActor } from '../events/domain-events';
import { ApprovalsRepository } from './approvals.repository';
import {
  chatHead,
  toListItem,
  toMessage,
  toParticipant,
  type AddParticipantDto,
  type ChatAttachmentDto,
  type ChatDto,
  type ChatMaterialPageDto,
  type ChatMessageDto,
  type ChatMessagesDto,
  type ChatMessagesQueryDto,
  type ChatPageDto,
  type CreateChatDto,
  type ListChatsQueryDto,
  type MaterialsQueryDto,
  type SendMessageDto,
  type UnreadDto,
} from './chats.dto';
import { ChatsRepository, type AttachmentRow, type ChatRow, type Person } from './chats.repository';
import { BlobSweeper } from '../storage/blob-sweeper';
import { UploadsService, type IncomingFile } from '../storage/uploads.service';
import { NotificationsService } from '../notifications/notifications.service';

/** The caller as a chat participant. */
export function personOf(auth: AuthContext): Person {
  return { kind: auth.kind, id: auth.userId };
}

/** A chat the caller may see, with what they may do in it. */
export interface VisibleChat {
  chat: ChatRow;
  /** Takes part (not removed). */
  participant: boolean;
  /** May send messages (a staff member allowed to see every chat steps in by writing). */
  write: boolean;
  /** Staff with chat.manage: participants, approvals. */
  manage: boolean;
}

/** Uploads one person may have waiting in a chat. */
const MAX_PENDING_UPLOADS = 30;
/** An upload never sent is removed after this long. */
const UNSENT_UPLOAD_MS = 24 * 3600_000;

/** The first characters of a text, for previews and notifications. */
const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/**
 * Chats: who sees which (participants; staff with `chat.readAll` see all), the list with unread
 * counts, a chat's messages, sending (idempotent by the client's id), read marks, participants.
 * Every change appends its events last in its transaction; the realtime and notification
 * consumers take it from there.
 */
@Injectable()
export class ChatsService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: ChatsRepository,
    private readonly approvals: ApprovalsRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uploads: UploadsService,
    private readonly sweeper: BlobSweeper,
    private readonly notifications: NotificationsService,
  ) {}

  /** The chat and what `auth` may do in it; not found unless they may see it. */
  async visible(auth: AuthContext, chatId: string, db: Db = this.db): Promise<VisibleChat> {
    const chat = await this.repo.in(db).find(chatId, this.scope(auth), personOf(auth));
    if (!chat) throw DomainError.notFound('Chat');
    const participant = chat.participant_id !== null;
    const staff = auth.kind === 'staff';
    const write =
      !auth.viewAs &&
      (staff
        ? participant || auth.permissions.has('chat.readAll')
        : participant && !chat.read_only);
    const manage = staff && auth.permissions.has('chat.manage') && write;
    return { chat, participant, write, manage };
  }

  /** Which chats `auth` may see: a condition on the chats alias `ch`. */
  scope(auth: AuthContext): Sql {
    if (auth.kind === 'staff' && auth.permissions.has('chat.readAll')) return sql`TRUE`;
    const me = personOf(auth);
    const who =
      me.kind === 'customer' ? sql`vp.customer_id = ${me.id}` : sql`vp.staff_user_id = ${me.id}`;
    return sql`EXISTS (SELECT 1 FROM chat_participants vp WHERE vp.chat_id = ch.id
                       AND vp.removed_at IS NULL AND ${who})`;
  }

  async list(auth: AuthContext, query: ListChatsQueryDto): Promise<ChatPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const me = personOf(auth);
    const filter = auth.kind === 'customer' ? 'all' : (query.filter ?? 'mine');
    const [rows, totalUnread] = await Promise.all([
      this.repo.list({
        scope: this.scope(auth),
        viewer: me,
        mine: filter === 'mine' && auth.kind === 'staff',
        waiting: filter === 'waiting',
        q: auth.kind === 'staff' ? query.q : undefined,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      this.repo.totalUnread(me),
    ]);
    return {
      items: rows.map(toListItem),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
      totalUnread,
    };
  }

  /** The chats of one contract the caller may see (the contract page's "Chats"). */
  async forContract(auth: AuthContext, contractId: string): Promise<ChatPageDto> {
    await this.access.assertContracts(auth, [contractId]);
    const me = personOf(auth);
    const rows = await this.repo.list({
      scope: this.scope(auth),
      viewer: me,
      contractId,
      limit: 100,
      offset: 0,
    });
    return {
      items: rows.map(toListItem),
      total: Number(rows[0]?.total_count ?? 0),
      page: 1,
      pageSize: 100,
      totalUnread: rows.reduce((n, r) => n + r.unread, 0),
    };
  }

  async totalUnread(auth: AuthContext): Promise<{ total: number }> {
    return { total: await this.repo.totalUnread(personOf(auth)) };
  }

  async get(auth: AuthContext, chatId: string): Promise<ChatDto> {
    const v = await this.visible(auth, chatId);
    const [participants, unread] = await Promise.all([
      this.repo.participants(chatId),
      this.repo.unread(chatId, personOf(auth)),
    ]);
    return {
      ...chatHead(v.chat),
      participants: participants.map(toParticipant),
      can: { write: v.write, manage: v.manage },
      lastReadId: String(v.chat.last_read_id ?? '0'),
      unread,
    };
  }

  async messages(
    auth: AuthContext,
    chatId: string,
    query: ChatMessagesQueryDto,
  ): Promise<ChatMessagesDto> {
    await this.visible(auth, chatId);
    if (query.before !== undefined && query.after !== undefined) {
      throw DomainError.validation([
        { path: 'after', message: 'Ask for messages before an id or after one, not both' },
      ]);
    }
    const limit = query.limit ?? CHAT_LIMITS.page;
    const rows = await this.repo.messages(chatId, {
      before: query.before,
      after: query.after,
      limit: limit + 1,
    });
    const more = rows.length > limit;
    // Older pages drop the oldest extra row; newer ones the newest.
    const page = more ? (query.after !== undefined ? rows.slice(0, limit) : rows.slice(1)) : rows;
    return { messages: page.map(toMessage), more };
  }

  /** One message the caller may see (realtime and approvals answer with it). */
  async message(auth: AuthContext, messageId: string): Promise<ChatMessageDto> {
    const row = await this.repo.message(messageId);
    if (!row) throw DomainError.notFound('Message');
    await this.visible(auth, row.chat_id);
    return toMessage(row);
  }

  /**
   * Sends a message. Idempotent by `clientId`: the same sender sending it again gets the stored
   * message, nothing new; another sender reusing it gets a conflict. Attachments must be the
   * sender's uploads to this chat not yet sent. A staff member allowed to see every chat who
   * writes in one they do not take part in joins it.
   */
  async send(auth: AuthContext, chatId: string, input: SendMessageDto): Promise<ChatMessageDto> {
    const me = personOf(auth);
    const v = await this.assertWritable(auth, chatId);
    const earlier = await this.repo.byClientId(chatId, input.clientId);
    if (earlier) return this.resent(me, earlier);

    const body = input.body.replace(/\r\n?/g, '\n').replace(/^\s+|\s+$/g, '');
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    if (!body && !attachmentIds.length) {
      throw DomainError.validation([{ path: 'body', message: 'Write a message or attach a file' }]);
    }
    if (input.requiresApproval && !v.manage) {
      throw DomainError.validation([
        { path: 'requiresApproval', message: 'Only staff who manage chats can ask for approval' },
      ]);
    }
    if (!input.requiresApproval && input.approvalDeadline) {
      throw DomainError.validation([
        { path: 'approvalDeadline', message: 'A deadline goes with a request for approval' },
      ]);
    }
    if (
      input.approvalDeadline &&
      input.approvalDeadline < dateIn(this.clock.now(), this.config.timeZone)
    ) {
      throw DomainError.validation([
        { path: 'approvalDeadline', message: 'The deadline cannot be in the past' },
      ]);
    }

    const stored = await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      await repo.lock(chatId);
      const events: DomainEvent[] = [];
      if (!v.participant) {
        // A staff member allowed to see every chat steps in by writing.
        await repo.addParticipant(chatId, me);
        events.push(this.participantsChanged(v.chat, [me], []));
      }
      if (input.replacesMessageId) {
        const old = await repo.messageInChat(chatId, input.replacesMessageId);
        if (!old || old.images === 0) {
          throw DomainError.validation([
            {
              path: 'replacesMessageId',
              message: 'A new version replaces a message of this chat that has a picture',
            },
          ]);
        }
      }
      const inserted = await repo.insertMessage({
        chatId,
        clientId: input.clientId,
        kind: 'text',
        author: me,
        body,
        replacesMessageId: input.replacesMessageId ?? null,
      });
      if (!inserted) return null; // sent concurrently under the same id: answer that one
      const attached = await repo.attach(chatId, inserted.id, me, attachmentIds);
      if (attached.n !== attachmentIds.length) {
        throw DomainError.validation([
          {
            path: 'attachmentIds',
            message: 'Some files are not uploads of yours to this chat, or were already sent',
          },
        ]);
      }
      if (Number(attached.bytes) > CHAT_LIMITS.messageBytes) {
        throw DomainError.validation([
          {
            path: 'attachmentIds',
            message: `The files of one message take at most ${CHAT_LIMITS.messageBytes / 1024 / 1024} MB together`,
          },
        ]);
      }
      if (input.requiresApproval && !attachmentIds.length && !body) {
        throw DomainError.validation([{ path: 'body', message: 'Say what is to be approved' }]);
      }
      await repo.touch(chatId, inserted.id);
      await repo.markRead(chatId, me, inserted.id);
      events.push(this.posted(v.chat, inserted.id, 'text', me, body, attachmentIds.length));
      if (input.requiresApproval) {
        const approvalId = await this.approvals.in(tx).request({
          chatId,
          messageId: inserted.id,
          contractId: v.chat.contract_id,
          deadline: input.approvalDeadline ?? null,
          by: me,
        });
        events.push({
          type: 'chat.approval_changed',
          source: 'api',
          contractId: v.chat.contract_id,
          customerId: v.chat.customer_id,
          payload: {
            chatId,
            messageId: inserted.id,
            approvalId,
            action: 'requested',
            by: me,
            reason: null,
            deadline: input.approvalDeadline ?? null,
          },
        });
      }
      await appendEvents(tx, events);
      return inserted.id;
    });
    if (stored === null) {
      const again = await this.repo.byClientId(chatId, input.clientId);
      if (!again)
        throw new DomainError('conflict', 'The message could not be stored; send it again');
      return this.resent(me, again);
    }
    const row = await this.repo.message(stored);
    if (!row) throw DomainError.notFound('Message');
    return toMessage(row);
  }

  private async resent(
    me: Person,
    earlier: { id: string; author_customer_id: string | null; author_staff_id: string | null },
  ): Promise<ChatMessageDto> {
    const mine =
      me.kind === 'customer'
        ? earlier.author_customer_id === me.id
        : earlier.author_staff_id === me.id;
    if (!mine) {
      throw DomainError.validation([
        {
          path: 'clientId',
          message: 'This clientId belongs to another message: make up a new one',
        },
      ]);
    }
    const row = await this.repo.message(earlier.id);
    if (!row) throw DomainError.notFound('Message');
    return toMessage(row);
  }

  /** Moves the caller's read mark forward; answers their unread counts. */
  async read(
    auth: AuthContext,
    chatId: string,
    lastReadId: string,
  ): Promise<UnreadDto & { mark: { lastReadId: string; at: string } | null }> {
    const v = await this.visible(auth, chatId);
    if (auth.viewAs) {
      throw new DomainError(
        'read_only',
        'You are viewing the customer’s cabinet; their read marks stay as they are',
      );
    }
    const me = personOf(auth);
    const mark = v.participant ? await this.repo.markRead(chatId, me, lastReadId) : null;
    const [unread, total] = await Promise.all([
      this.repo.unread(chatId, me),
      this.repo.totalUnread(me),
    ]);
    // Read to its end: the chat's "new messages" in the notification centre are read as well.
    if (mark && unread === 0) await this.notifications.chatRead(auth, chatId);
    return {
      unread,
      total,
      mark: mark
        ? {
            lastReadId: String(mark.last_read_id),
            at: (mark.last_read_at ?? this.clock.now()).toISOString(),
          }
        : null,
    };
  }

  async addParticipant(auth: AuthContext, chatId: string, input: AddParticipantDto) {
    const v = await this.visible(auth, chatId);
    if (!v.manage)
      throw new DomainError('forbidden', 'Your role does not let you change who takes part');
    const who: Person = { kind: 'staff', id: input.staffUserId };
    if (!(await this.repo.staffExists(who.id))) {
      throw DomainError.validation([
        { path: 'staffUserId', message: 'There is no active staff member with this id' },
      ]);
    }
    await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      await repo.lock(chatId);
      if (!(await repo.addParticipant(chatId, who))) {
        throw new DomainError('conflict', 'This person already takes part in the chat');
      }
      const names = await this.namesOf(tx, [who, personOf(auth)]);
      const systemId = await this.system(
        tx,
        v.chat,
        'added',
        { person: names[0], by: names[1] },
        `${names[1].name} добавил(а) в чат: ${names[0].name}`,
      );
      await appendEvents(tx, [
        this.participantsChanged(v.chat, [who], []),
        this.posted(v.chat, systemId, 'system', null, '', 0),
      ]);
    });
    return this.get(auth, chatId);
  }

  async removeParticipant(auth: AuthContext, chatId: string, participantId: string) {
    const v = await this.visible(auth, chatId);
    if (!v.manage)
      throw new DomainError('forbidden', 'Your role does not let you change who takes part');
    await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      await repo.lock(chatId);
      const p = await repo.participant(chatId, participantId);
      if (!p || p.removed_at) throw DomainError.notFound('Participant');
      if (p.customer_id === v.chat.customer_id) {
        throw new DomainError(
          'conflict',
          'The customer the chat is with cannot be removed from it',
        );
      }
      const who: Person = p.customer_id
        ? { kind: 'customer', id: p.customer_id }
        : { kind: 'staff', id: p.staff_user_id ?? '' };
      await repo.removeParticipant(participantId);
      const names = await this.namesOf(tx, [who, personOf(auth)]);
      const systemId = await this.system(
        tx,
        v.chat,
        'removed',
        { person: names[0], by: names[1] },
        `${names[1].name} убрал(а) из чата: ${names[0].name}`,
      );
      await appendEvents(tx, [
        this.participantsChanged(v.chat, [], [who]),
        this.posted(v.chat, systemId, 'system', null, '', 0),
      ]);
    });
    return this.get(auth, chatId);
  }

  async candidates(auth: AuthContext, chatId: string, q: string | undefined) {
    const v = await this.visible(auth, chatId);
    if (!v.manage)
      throw new DomainError('forbidden', 'Your role does not let you change who takes part');
    const rows = await this.repo.candidates(chatId, q, 50);
    return rows.map((r) => ({ kind: r.kind, id: r.id, name: r.name, role: r.role }));
  }

  /** Staff open a chat with a customer, about one of their contracts or in general. */
  async create(auth: AuthContext, input: CreateChatDto): Promise<ChatDto> {
    if (auth.kind !== 'staff') throw new DomainError('forbidden', 'Only staff open chats');
    await this.access.assertCustomer(auth, input.customerId);
    let managerId: string | null = null;
    if (input.contractId) {
      const contract = await this.repo.contractOf(
        input.contractId,
        input.customerId,
        this.access.contractScope(auth, 'c'),
      );
      if (!contract) {
        throw DomainError.validation([
          {
            path: 'contractId',
            message: 'This is not a live contract of this customer that you can see',
          },
        ]);
      }
      managerId = contract.manager_id;
    }
    const me = personOf(auth);
    const id = await this.db.transaction(async (tx) => {
      const repo = this.repo.in(tx);
      const chat = await repo.insertChat({
        kind: 'general',
        customerId: input.customerId,
        contractId: input.contractId ?? null,
        title: input.title?.trim() || null,
        createdById: me.id,
      });
      const people: Person[] = [{ kind: 'customer', id: input.customerId }, me];
      if (managerId && managerId !== me.id) people.push({ kind: 'staff', id: managerId });
      for (const p of people) await repo.addParticipant(chat.id, p);
      const head = {
        id: chat.id,
        contract_id: input.contractId ?? null,
        customer_id: input.customerId,
      };
      const names = await this.namesOf(tx, [me]);
      const systemId = await this.system(
        tx,
        head,
        'opened',
        { by: names[0] },
        `${names[0].name} открыл(а) чат ${formatChatNumber(chat.number)}`,
      );
      await appendEvents(tx, [
        this.participantsChanged(head, people, []),
        this.posted(head, systemId, 'system', null, '', 0),
      ]);
      return chat.id;
    });
    return this.get(auth, id);
  }

  async materials(
    auth: AuthContext,
    chatId: string,
    query: MaterialsQueryDto,
  ): Promise<ChatMaterialPageDto> {
    await this.visible(auth, chatId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = await this.repo.materials(chatId, {
      kind: query.kind,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        size: Number(r.size),
        mime: r.mime,
        kind: r.kind,
        width: r.width,
        height: r.height,
        messageId: String(r.message_id),
        sentAt: new Date(r.created_at).toISOString(),
        authorName: r.author_name,
      })),
      total: Number(rows[0]?.total_count ?? 0),
      page,
      pageSize,
    };
  }

  /** Throws unless `auth` may write in the chat (not found when they may not see it). */
  async assertWritable(auth: AuthContext, chatId: string): Promise<VisibleChat> {
    const v = await this.visible(auth, chatId);
    if (!v.write) {
      throw auth.viewAs
        ? new DomainError(
            'read_only',
            'You are viewing the customer’s cabinet; nothing can be sent',
          )
        : new DomainError(
            'forbidden',
            'This chat is shared with you read-only: you cannot write in it',
          );
    }
    return v;
  }

  /**
   * Takes a file for a message to come: checked on its bytes, stored, recorded as the sender's
   * upload to this chat (sent with a message by its id; removed after a day if never sent).
   */
  async upload(auth: AuthContext, chatId: string, file: IncomingFile): Promise<ChatAttachmentDto> {
    const me = personOf(auth);
    await this.assertWritable(auth, chatId);
    if ((await this.repo.pendingUploads(chatId, me)) >= MAX_PENDING_UPLOADS) {
      throw new DomainError(
        'conflict',
        `You have ${MAX_PENDING_UPLOADS} files waiting to be sent in this chat: send or drop some first`,
      );
    }
    const stored = await this.uploads.accept(file, {
      namespace: 'chat',
      maxBytes: CHAT_LIMITS.fileBytes,
    });
    let id: string;
    try {
      id = await this.repo.insertAttachment({ chatId, uploader: me, ...stored });
    } catch (err) {
      await this.uploads.discard(stored);
      throw err;
    }
    return {
      id,
      name: stored.name,
      size: stored.size,
      mime: stored.mime,
      kind: stored.kind,
      width: stored.width,
      height: stored.height,
      pins: [],
    };
  }

  /**
   * An attachment the caller may read: a sent one of a chat they see, or their own upload not
   * yet sent. Anything else is not found.
   */
  async attachment(auth: AuthContext, id: string): Promise<AttachmentRow> {
    const row = await this.repo.attachment(id);
    if (!row) throw DomainError.notFound('File');
    if (row.message_id === null) {
      const mine =
        auth.kind === 'customer'
          ? row.uploaded_by_customer_id === auth.userId
          : row.uploaded_by_staff_id === auth.userId;
      if (!mine) throw DomainError.notFound('File');
    }
    try {
      await this.visible(auth, row.chat_id);
    } catch {
      throw DomainError.notFound('File');
    }
    return row;
  }

  /** Removes uploads never sent (a day old) and blobs nothing refers to; answers the counts. */
  async housekeeping(): Promise<{ unsent: number; blobs: number }> {
    const before = new Date(this.clock.now().getTime() - UNSENT_UPLOAD_MS);
    const gone = await this.repo.deleteUnsent(before);
    for (const g of gone) {
      await this.uploads.discard({ storageKey: g.storage_key, thumbKey: g.thumb_key });
    }
    const swept = await this.sweeper.sweep({
      namespace: 'chat',
      referenced: (keys) => this.repo.referencedKeys(keys),
    });
    return { unsent: gone.length, blobs: swept.deleted.length };
  }

  /**
   * Gives contracts their own chats (the customer and the manager take part) and makes a
   * contract chat's current manager a participant; `ids` null: every live contract. Runs in
   * `tx` (the chats consumer's transaction) and appends what it did as events.
   */
  async ensureContractChats(tx: Db, ids: string[] | null): Promise<number> {
    const done = await this.repo.in(tx).ensureContractChats(ids);
    const events: DomainEvent[] = done.map((d) => ({
      type: 'chat.participants_changed',
      source: 'api',
      contractId: d.contract_id,
      customerId: d.customer_id,
      payload: {
        chatId: d.chat_id,
        added: [
          ...(d.created ? [{ kind: 'customer' as const, id: d.customer_id }] : []),
          ...(d.manager_added ? [{ kind: 'staff' as const, id: d.manager_added }] : []),
        ],
        removed: [],
      },
    }));
    if (events.length) await appendEvents(tx, events);
    return done.length;
  }

  /**
   * A contract shared with a customer account: they take part in the contract's chats (read-only
   * when the share is), or leave them when it ends. Runs in the chats consumer's transaction.
   */
  async applyShare(
    tx: Db,
    contractId: string,
    granteeId: string,
    access: 'read' | 'full' | null,
  ): Promise<void> {
    const changed = await this.repo
      .in(tx)
      .shareInContractChats(contractId, granteeId, access === null ? null : access === 'read');
    const who = { kind: 'customer' as const, id: granteeId };
    if (changed.length) {
      await appendEvents(
        tx,
        changed.map((c) =>
          this.participantsChanged(
            { id: c.chat_id, contract_id: contractId, customer_id: c.customer_id },
            access === null ? [] : [who],
            access === null ? [who] : [],
          ),
        ),
      );
    }
  }

  private async namesOf(tx: Db, people: Person[]) {
    const rows = await this.repo.in(tx).names(people);
    return people.map((p) => ({
      kind: p.kind,
      id: p.id,
      name: rows.find((r) => r.kind === p.kind && r.id === p.id)?.name ?? '',
    }));
  }

  /** Writes a system line ("X added Y") and makes it the chat's latest; answers its id. */
  private async system(
    tx: Db,
    chat: { id: string },
    event: 'added' | 'removed' | 'opened',
    data: Record<string, unknown>,
    text: string,
  ): Promise<string> {
    const repo = this.repo.in(tx);
    const row = await repo.insertMessage({
      chatId: chat.id,
      clientId: null,
      kind: 'system',
      author: null,
      body: text,
      systemData: { event, ...data },
    });
    if (!row) throw new Error('A system message was not stored');
    await repo.touch(chat.id, row.id);
    return row.id;
  }

  private posted(
    chat: { id: string; contract_id: string | null; customer_id: string },
    messageId: string,
    kind: 'text' | 'system',
    author: EventActor | null,
    body: string,
    attachments: number,
  ): DomainEvent {
    return {
      type: 'chat.message_posted',
      source: 'api',
      contractId: chat.contract_id,
      customerId: chat.customer_id,
      payload: { chatId: chat.id, messageId, kind, author, preview: preview(body), attachments },
    };
  }

  private participantsChanged(
    chat: { id: string; contract_id: string | null; customer_id: string },
    added: EventActor[],
    removed: EventActor[],
  ): DomainEvent {
    return {
      type: 'chat.participants_changed',
      source: 'api',
      contractId: chat.contract_id,
      customerId: chat.customer_id,
      payload: { chatId: chat.id, added, removed },
    };
  }
}
