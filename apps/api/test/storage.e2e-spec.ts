import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import {
  Controller,
  Get,
  Global,
  Module,
  Post,
  Query,
  Req,
  Res,
  type INestApplication,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHAT_LIMITS } from '@kabinet/shared';
import { ManualClock, Clock } from '../src/common/clock';
import { Upload } from '../src/common/edge';
import { ProblemFilter } from '../src/common/problem.filter';
import { readSingleUpload } from '../src/common/upload';
import { APP_CONFIG, loadConfig, type AppConfig } from '../src/config/config';
import { BLOB_STORE, newBlobKey, type BlobStore } from '../src/modules/storage/blob-store';
import { BlobSweeper } from '../src/modules/storage/blob-sweeper';
import { THUMBNAIL_MIME } from '../src/modules/storage/images';
import { StorageModule } from '../src/modules/storage/storage.module';
import { UploadsService, type AcceptedUpload } from '../src/modules/storage/uploads.service';
import * as samples from './upload-samples';

/**
 * The upload pipeline as a chat route uses it: a real multipart request through Fastify and
 * `readSingleUpload` into `UploadsService.accept`, the files on disk in a `LocalDiskStore`, and
 * `UploadsService.send` answering them. The routes here stand in for the chat's (which add the
 * access checks); everything under them is the app's.
 */
@Controller('t')
class StandInController {
  constructor(private readonly uploads: UploadsService) {}

  /** As the chat route: the multipart limit at the cap, then `accept` with the same cap. */
  @Post('upload')
  @Upload()
  async upload(@Req() req: FastifyRequest): Promise<AcceptedUpload> {
    const { part, read } = await readSingleUpload(req, {
      what: 'a file',
      fileSize: CHAT_LIMITS.fileBytes,
    });
    return read(this.uploads.accept(part, { namespace: 'chat', maxBytes: CHAT_LIMITS.fileBytes }));
  }

  /** `accept`'s own count, with no multipart limit in front of it. */
  @Post('upload-1k')
  @Upload()
  async uploadSmall(@Req() req: FastifyRequest): Promise<AcceptedUpload> {
    const { part, read } = await readSingleUpload(req, { what: 'a file' });
    return read(this.uploads.accept(part, { namespace: 'chat', maxBytes: 1000 }));
  }

  @Get('file')
  file(
    @Query() q: { key: string; mime: string; name: string; download?: string },
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.uploads.send(req, reply, q, { download: q.download === 'true' });
  }
}

describe('storage: uploads, images, serving, housekeeping', () => {
  let root: string;
  let config: AppConfig;
  let app: INestApplication;
  let base: string;
  let store: BlobStore;
  let uploads: UploadsService;
  const clock = new ManualClock(new Date());

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kabinet-storage-'));
    config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: join(root, 'data'),
      STORAGE_TEMP_DIR: join(root, 'staging'),
      WEB_DIST_DIR: join(root, 'web'),
      LOG_LEVEL: 'silent',
    });
    @Global()
    @Module({
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    })
    class ConfigModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule, StorageModule],
      controllers: [StandInController],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    }).compile();
    const fastifyApp = moduleRef.createNestApplication<NestFastifyApplication>(
      new FastifyAdapter(),
      { logger: false },
    );
    // As app.factory.ts registers it.
    await fastifyApp.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 0, parts: 1 },
    });
    await fastifyApp.listen(0, '127.0.0.1');
    app = fastifyApp;
    const { port } = fastifyApp.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${port}`;
    store = app.get(BLOB_STORE);
    uploads = app.get(UploadsService);
  });

  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  const blobsDir = () => join(root, 'data', 'blobs');
  /** Every file under a folder (relative paths), the store's write area included. */
  async function filesUnder(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? (e as { path: string }).path, e.name).slice(dir.length + 1));
  }
  const stagingFiles = () => filesUnder(join(root, 'staging'));

  beforeEach(async () => {
    await rm(blobsDir(), { recursive: true, force: true });
  });

  async function upload(bytes: Buffer, name: string, path = '/t/upload') {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${base}${path}`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  async function accepted(bytes: Buffer, name: string): Promise<AcceptedUpload> {
    const res = await upload(bytes, name);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as unknown as AcceptedUpload;
  }
  const blob = (key: string) => readFile(join(blobsDir(), ...key.split('/')));
  const fileUrl = (a: { key: string; mime: string; name: string }, extra = '') =>
    `${base}/t/file?${new URLSearchParams(a).toString()}${extra}`;

  it('strips EXIF (GPS) from a photo, keeps it upright and its colour profile, makes a thumbnail', async () => {
    const photo = await samples.phonePhoto(1200, 800);
    const before = await sharp(photo).metadata();
    expect(before.orientation).toBe(6);
    expect(samples.exifIfd0Tags(before.exif!)).toContain(samples.GPS_TAG);

    const a = await accepted(photo, 'IMG_0001.JPG');
    expect(a).toMatchObject({
      mime: 'image/jpeg',
      kind: 'image',
      // Shown turned a quarter clockwise: 800 wide, 1200 high.
      width: 800,
      height: 1200,
      name: 'IMG_0001.JPG',
    });
    expect(a.storageKey).toMatch(/^chat\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(a.thumbKey).toBe(`${a.storageKey}-thumb`);

    const original = await blob(a.storageKey);
    expect(original.length).toBe(a.size);
    const stored = await sharp(original).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 800, height: 1200 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    // The photo's own (Display P3) colour profile, not the EXIF, is kept.
    expect(stored.icc?.length).toBe(before.icc?.length);
    // Upright: the stored left half (red) is now the top.
    const { data, info } = await sharp(original).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect(at(400, 100)).toBeGreaterThan(150);
    expect(at(400, 1100)).toBeLessThan(100);

    const thumb = await sharp(await blob(a.thumbKey!)).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: 320, height: 480 });
    expect(thumb.exif).toBeUndefined();
    expect(thumb.orientation).toBeUndefined();
    expect(await stagingFiles()).toEqual([]);
  });

  it('takes every allowed kind, images re-encoded, other files stored as sent', async () => {
    const png = await accepted(await samples.png(), 'screen.png');
    expect(png).toMatchObject({ mime: 'image/png', kind: 'image', width: 64, height: 48 });
    const webp = await accepted(await samples.webp(), 'a.webp');
    expect(webp).toMatchObject({ mime: 'image/webp', kind: 'image' });

    // A GIF animation stays animated (all its frames re-encoded); the thumbnail is its first frame.
    const gif = await accepted(await samples.animatedGif(), 'anim.gif');
    expect(gif).toMatchObject({ mime: 'image/gif', kind: 'image', width: 20, height: 20 });
    const frames = await sharp(await blob(gif.storageKey), { animated: true }).metadata();
    expect(frames.pages).toBe(3);
    expect(await sharp(await blob(gif.thumbKey!)).metadata()).toMatchObject({
      format: 'webp',
      width: 20,
      height: 20,
    });

    for (const [bytes, name, mime] of [
      [await samples.pdf(), 'Договор №5.pdf', 'application/pdf'],
      [
        samples.ooxml('docx'),
        'План.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [samples.oleFile(), 'old.xls', 'application/vnd.ms-excel'],
      [samples.zip([{ name: 'a.txt', data: 'a' }]), 'all.zip', 'application/zip'],
      [Buffer.from('номер;сумма\n1;2\n'), 'список.csv', 'text/csv'],
    ] as const) {
      const a = await accepted(bytes, name);
      expect(a).toMatchObject({
        mime,
        kind: 'file',
        size: bytes.length,
        width: null,
        height: null,
        thumbKey: null,
        name,
      });
      const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      expect(sha(await blob(a.storageKey))).toBe(sha(bytes));
    }
    expect(await stagingFiles()).toEqual([]);
  });

  it('cleans the name it shows', async () => {
    const a = await accepted(Buffer.from('x'), 'C:\\fakepath\\report\u202etxt.exe.txt');
    expect(a.name).toBe('reporttxt.exe.txt');
  });

  const cut = async (bytes: Buffer, share: number) =>
    bytes.subarray(0, Math.floor(bytes.length * share));

  it('refuses what is not allowed, a damaged image and a bomb with a 400 on file, storing nothing', async () => {
    const cases: Array<[Buffer, string, RegExp]> = [
      [samples.exe(), 'photo.jpg', /not allowed.*JPEG/],
      [samples.html(), 'index.html', /not allowed/],
      [samples.elf(), 'tool', /not allowed/],
      [Buffer.from('#!/bin/sh\necho hi\n'), 'run.sh', /not allowed/],
      [await cut(await samples.phonePhoto(), 0.6), 'cut.jpg', /cannot be read/],
      [await cut(await samples.png(), 0.7), 'cut.png', /cannot be read/],
      [Buffer.from('GIF89a this is no picture'), 'fake.gif', /cannot be read/],
      [samples.pngBomb(), 'bomb.png', /too large: at most 50 megapixels/],
      [Buffer.alloc(0), 'empty.txt', /empty/],
    ];
    for (const [bytes, name, message] of cases) {
      const res = await upload(bytes, name);
      expect(res.status, name).toBe(400);
      expect(res.body).toMatchObject({
        code: 'validation_failed',
        fields: [{ path: 'file', message: expect.stringMatching(message) }],
      });
    }
    expect(await filesUnder(blobsDir())).toEqual([]);
    expect(await stagingFiles()).toEqual([]);
  });

  it('refuses a file over the cap with a 413, keeping nothing, and stays usable', async () => {
    const over = Buffer.alloc(CHAT_LIMITS.fileBytes + 1, 'a');
    const res = await upload(over, 'big.txt');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'payload_too_large',
      title: 'The file is larger than 25 MB',
    });
    // The counting in accept itself (no multipart limit in front).
    const small = await upload(Buffer.alloc(1001, 'a'), 'big.txt', '/t/upload-1k');
    expect(small.status).toBe(413);
    expect(small.body).toMatchObject({ code: 'payload_too_large' });
    expect(await filesUnder(blobsDir())).toEqual([]);
    expect(await stagingFiles()).toEqual([]);
    // Exactly the cap is fine.
    expect((await upload(Buffer.alloc(1000, 'a'), 'ok.txt', '/t/upload-1k')).status).toBe(201);
  });

  it('serves a file with its type, name, length and private caching; inline only for images and PDF', async () => {
    const photo = await accepted(await samples.jpeg(), 'Фото 1.jpg');
    const image = { key: photo.storageKey, mime: photo.mime, name: photo.name };
    const res = await fetch(fileUrl(image));
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(photo.size);
    const headers = (r: Response, names: string[]) =>
      Object.fromEntries(names.map((n) => [n, r.headers.get(n)]));
    const expected = {
      'content-type': 'image/jpeg',
      'content-length': String(photo.size),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
      'accept-ranges': 'bytes',
      'content-disposition': `inline; filename="Foto 1.jpg"; filename*=UTF-8''%D0%A4%D0%BE%D1%82%D0%BE%201.jpg`,
    };
    expect(headers(res, Object.keys(expected))).toEqual(expected);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);

    const again = await fetch(fileUrl(image), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    const range = await fetch(fileUrl(image), { headers: { range: 'bytes=0-9' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-9/${photo.size}`);
    expect(range.headers.get('content-length')).toBe('10');
    expect(Buffer.from(await range.arrayBuffer())).toEqual(body.subarray(0, 10));

    const saved = await fetch(fileUrl(image, '&download=true'));
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment;/);

    const thumb = uploads.thumbnail(photo)!;
    expect(thumb.mime).toBe(THUMBNAIL_MIME);
    const t = await fetch(fileUrl(thumb));
    expect(t.headers.get('content-type')).toBe('image/webp');

    const doc = await accepted(samples.ooxml('docx'), 'План.docx');
    const d = await fetch(fileUrl({ key: doc.storageKey, mime: doc.mime, name: doc.name }));
    expect(d.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(d.headers.get('content-type')).toBe(doc.mime);

    const txt = await accepted(Buffer.from('<b>hi</b>'), 'note.txt');
    const n = await fetch(fileUrl({ key: txt.storageKey, mime: txt.mime, name: txt.name }));
    expect(n.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(n.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(await n.text()).toBe('<b>hi</b>');

    const gone = await fetch(fileUrl({ ...image, key: newBlobKey('chat') }));
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ code: 'not_found' });
  });

  it('discards an upload: both blobs go; a second discard is no error', async () => {
    const a = await accepted(await samples.png(), 'a.png');
    expect(await store.exists(a.storageKey)).toBe(true);
    await uploads.discard(a);
    expect(await store.exists(a.storageKey)).toBe(false);
    expect(await store.exists(a.thumbKey!)).toBe(false);
    await uploads.discard(a);
    await expect(
      uploads.discard({ storageKey: '../../etc/passwd', thumbKey: null }),
    ).rejects.toThrow(/Not a blob key/);
  });

  it('sweeps only old blobs of one namespace that the owner does not refer to', async () => {
    const sweeper = app.get(BlobSweeper);
    const kept = newBlobKey('chat');
    const orphan = newBlobKey('chat');
    const young = newBlobKey('chat');
    const foreign = newBlobKey('reports');
    for (const key of [kept, orphan, young, foreign]) await store.put(key, Buffer.from(key));
    const old = new Date(clock.now().getTime() - 3 * 24 * 3600 * 1000);
    for (const key of [kept, orphan, foreign]) {
      await utimes(join(blobsDir(), ...key.split('/')), old, old);
    }
    const asked: string[][] = [];
    const result = await sweeper.sweep({
      namespace: 'chat',
      referenced: async (keys) => {
        asked.push(keys);
        return keys.filter((k) => k === kept);
      },
    });
    expect(result).toEqual({ examined: 3, deleted: [orphan] });
    expect(asked.flat().sort()).toEqual([kept, orphan].sort());
    expect(await store.exists(kept)).toBe(true);
    expect(await store.exists(young)).toBe(true);
    expect(await store.exists(foreign)).toBe(true);

    // The owner's answer failing deletes nothing.
    await utimes(join(blobsDir(), ...young.split('/')), old, old);
    await expect(
      sweeper.sweep({
        namespace: 'chat',
        referenced: () => Promise.reject(new Error('db down')),
      }),
    ).rejects.toThrow('db down');
    expect(await store.exists(young)).toBe(true);
    // Never the whole store.
    await expect(sweeper.sweep({ namespace: '', referenced: async () => [] })).rejects.toThrow();
  });
});
