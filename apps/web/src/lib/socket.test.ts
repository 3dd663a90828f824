import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSocketClient } from '../test/fake-socket';
import { ApiError } from './api';
import { ackData, socketIdentity } from './socket';

const message = { id: '1', chatId: 'c1' } as never;

describe('SocketClient', () => {
  afterEach(() => vi.useRealTimers());

  it('connects on start, says so, and hands server events to their listeners', () => {
    const { client, sockets, latest } = fakeSocketClient();
    const states: string[] = [];
    client.subscribeState(() => states.push(client.getState()));
    const got: unknown[] = [];
    const off = client.on('chat:message', (m) => got.push(m));
    client.start('customer:1:');
    expect(sockets).toHaveLength(1);
    expect(latest().connects).toBe(1);
    latest().open();
    latest().send('chat:message', message);
    latest().send('chat:read', { chatId: 'c1' });
    off();
    latest().send('chat:message', message);
    expect(got).toEqual([message]);
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('keeps the socket for the same person, makes a new one for another (login, view-as)', () => {
    const { client, sockets } = fakeSocketClient();
    client.start('staff:1:');
    client.start('staff:1:');
    expect(sockets).toHaveLength(1);
    client.start('customer:9:1');
    expect(sockets).toHaveLength(2);
    expect(sockets[0]!.active).toBe(false);
    // The old socket's events reach nobody.
    const got: unknown[] = [];
    client.on('chat:message', (m) => got.push(m));
    sockets[0]!.send('chat:message', message);
    expect(got).toEqual([]);
  });

  it('tells connect listeners on every connection, so rooms are joined again', () => {
    const { client, latest } = fakeSocketClient();
    let connections = 0;
    client.onConnect(() => (connections += 1));
    client.start('customer:1:');
    latest().open();
    latest().drop('transport close');
    expect(client.getState()).toBe('reconnecting');
    latest().open();
    expect(connections).toBe(2);
    expect(client.getState()).toBe('connected');
  });

  it('connects again by itself after the server dropped the socket, and reports a refusal', () => {
    vi.useFakeTimers();
    const { client, latest } = fakeSocketClient({ retryMs: 1000 });
    const refusals: unknown[] = [];
    client.onRefused((r) => refusals.push(r));
    client.start('customer:1:');
    latest().open();
    latest().drop('io server disconnect');
    expect(client.getState()).toBe('reconnecting');
    vi.advanceTimersByTime(2000);
    expect(latest().connects).toBe(2);
    const refusal = { code: 'unauthenticated', message: 'Log in to continue', status: 401 };
    latest().refuse(refusal);
    expect(refusals).toEqual([refusal]);
    // It keeps trying (the app stops it once it knows nobody is logged in).
    vi.advanceTimersByTime(4000);
    expect(latest().connects).toBe(3);
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(latest().connects).toBe(3);
    expect(client.getState()).toBe('off');
  });

  it('answers emitWithAck with the server’s ack', async () => {
    const { client, latest } = fakeSocketClient();
    client.start('customer:1:');
    latest().answer = (event, input) => ({ ok: true, data: { event, input } });
    expect(await client.emitWithAck('chat:join', { chatId: 'c1' })).toEqual({
      ok: true,
      data: { event: 'chat:join', input: { chatId: 'c1' } },
    });
  });

  it('answers a timeout error when no ack comes in time', async () => {
    vi.useFakeTimers();
    const { client } = fakeSocketClient({ ackTimeoutMs: 5000 });
    client.start('customer:1:');
    const answer = client.emitWithAck('chat:leave', { chatId: 'c1' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await answer).toEqual({
      ok: false,
      error: { code: 'timeout', status: 0, message: 'No answer from the server within 5 s' },
    });
  });

  it('answers unauthenticated at once when not started', async () => {
    const { client } = fakeSocketClient();
    expect(await client.emitWithAck('chat:join', { chatId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', status: 401 },
    });
  });
});

describe('ackData', () => {
  it('answers the data, or throws an ApiError with the code, status and field messages', () => {
    expect(ackData({ ok: true, data: 5 })).toBe(5);
    const errors = [{ path: 'body', message: 'body must not be empty' }];
    try {
      ackData({
        ok: false,
        error: { code: 'validation_failed', status: 400, message: 'Not valid', errors },
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('validation_failed');
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).problem.fields).toEqual(errors);
    }
  });
});

describe('socketIdentity', () => {
  it('differs for another person and for view-as', () => {
    const customer = { kind: 'customer', id: 'c1', viewAs: null };
    expect(socketIdentity(customer)).toBe('customer:c1:');
    expect(socketIdentity({ ...customer, viewAs: { staffUserId: 's1' } })).toBe('customer:c1:s1');
  });
});
