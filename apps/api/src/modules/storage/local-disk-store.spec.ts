import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBlobKey, newBlobKey, thumbnailKey } from './blob-store';
import { LocalDiskStore } from './local-disk-store';

describe('blob keys', () => {
  it('are random, under their namespace, in two levels of folders', () => {
    const a = newBlobKey('chat');
    expect(a).toMatch(/^chat\/([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{28}$/);
    expect(newBlobKey('chat')).not.toBe(a);
    expect(isBlobKey(a) && isBlobKey(thumbnailKey(a))).toBe(true);
    expect(() => newBlobKey('../x')).toThrow();
    expect(() => newBlobKey('')).toThrow();
  });

  it('refuses what could point elsewhere', () => {
    for (const key of [
      '',
      'chat',
      '../etc/passwd',
      'chat/../../etc/passwd',
      '/etc/passwd',
      'chat//x',
      'chat/x/',
      'Chat/X',
      '.tmp/x',
      'chat/.hidden',
      'chat\\x',
      'chat/x y',
      `chat/${'a'.repeat(200)}`,
    ]) {
      expect(isBlobKey(key), key).toBe(false);
    }
  });
});

describe('LocalDiskStore', () => {
  let root: string;
  let store: LocalDiskStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kabinet-blobs-'));
    store = new LocalDiskStore(join(root, 'blobs'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const tempFiles = () => readdir(join(root, 'blobs', '.tmp')).catch(() => []);

  it('puts a buffer or a stream, gets it whole or a range, stats, deletes', async () => {
    const key = newBlobKey('chat');
    expect(await store.put(key, Buffer.from('hello, world'))).toEqual({ size: 12 });
    const whole = await store.get(key);
    expect(whole && { size: whole.size, range: whole.range }).toEqual({ size: 12, range: null });
    expect(await text(whole!.stream)).toBe('hello, world');
    const part = await store.get(key, { start: 7, end: 11 });
    expect(part?.range).toEqual({ start: 7, end: 11 });
    expect(await text(part!.stream)).toBe('world');
    await expect(store.get(key, { start: 5, end: 12 })).rejects.toThrow(RangeError);
    expect(await store.stat(key)).toMatchObject({ key, size: 12 });
    expect(await store.exists(key)).toBe(true);
    // Only the app's user reads it.
    expect((await stat(join(root, 'blobs', ...key.split('/')))).mode & 0o777).toBe(0o600);

    const streamed = newBlobKey('chat');
    expect(await store.put(streamed, Readable.from([Buffer.from('a'), Buffer.from('bc')]))).toEqual(
      { size: 3 },
    );
    expect(await text((await store.get(streamed))!.stream)).toBe('abc');

    expect(await store.delete(key)).toBe(true);
    expect(await store.delete(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    expect(await store.exists(key)).toBe(false);
    expect(await tempFiles()).toEqual([]);
  });

  it('refuses keys that are not ours on every method', async () => {
    for (const key of ['../escape', 'chat/../../escape', '/etc/passwd']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/Not a blob key/);
      await expect(store.get(key)).rejects.toThrow(/Not a blob key/);
      await expect(store.stat(key)).rejects.toThrow(/Not a blob key/);
      await expect(store.delete(key)).rejects.toThrow(/Not a blob key/);
    }
    expect(await readdir(root)).toEqual([]);
  });

  it('writes atomically: a write in progress is invisible, a failed one leaves nothing', async () => {
    const key = newBlobKey('chat');
    const body = new PassThrough();
    const writing = store.put(key, body);
    body.write('first half ');
    await new Promise((r) => setTimeout(r, 50));
    expect(await store.exists(key)).toBe(false);
    expect(await tempFiles()).toHaveLength(1);
    body.end('second half');
    expect(await writing).toEqual({ size: 22 });
    expect(await tempFiles()).toEqual([]);

    // A stream that breaks: the old blob stays as it was, no partial file anywhere.
    const broken = new PassThrough();
    const failing = store.put(key, broken);
    broken.write('garbage that must not land');
    await new Promise((r) => setTimeout(r, 20));
    broken.destroy(new Error('connection reset'));
    await expect(failing).rejects.toThrow('connection reset');
    expect(await text((await store.get(key))!.stream)).toBe('first half second half');
    expect(await tempFiles()).toEqual([]);

    // A new key whose write fails: no blob at all.
    const other = newBlobKey('chat');
    const broken2 = new PassThrough();
    const failing2 = store.put(other, broken2);
    broken2.destroy(new Error('gone'));
    await expect(failing2).rejects.toThrow('gone');
    expect(await store.exists(other)).toBe(false);
    expect(await tempFiles()).toEqual([]);
  });

  it('lists one namespace, never its write area', async () => {
    const chat = [newBlobKey('chat'), newBlobKey('chat')];
    await Promise.all(chat.map((k) => store.put(k, Buffer.from(k))));
    await store.put(thumbnailKey(chat[0]!), Buffer.from('t'));
    await store.put(newBlobKey('reports'), Buffer.from('r'));
    await writeFile(join(root, 'blobs', '.tmp', 'leftover'), 'x');
    const listed = [];
    for await (const b of store.list('chat/')) listed.push(b.key);
    expect(listed.sort()).toEqual([...chat, thumbnailKey(chat[0]!)].sort());
    const none = [];
    for await (const b of store.list('nothing/')) none.push(b);
    expect(none).toEqual([]);
  });

  it('removes what crashed writes left in its write area, once old', async () => {
    await store.put(newBlobKey('chat'), Buffer.from('x'));
    const old = join(root, 'blobs', '.tmp', 'old');
    await writeFile(old, 'x');
    await utimes(old, new Date('2020-01-01'), new Date('2020-01-01'));
    await writeFile(join(root, 'blobs', '.tmp', 'fresh'), 'x');
    expect(await store.removeStaleTemp(new Date(Date.now() - 60_000))).toBe(1);
    expect(await tempFiles()).toEqual(['fresh']);
  });
});
