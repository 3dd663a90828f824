import { act, render, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeSocketClient } from '../test/fake-socket';
import type { SocketClient } from './socket';
import {
  SocketContext,
  useSocketConnected,
  useSocketConnection,
  useSocketEvent,
  useSocketState,
} from './use-socket';

function withSocket(client: SocketClient, children: ReactNode) {
  return <SocketContext.Provider value={client}>{children}</SocketContext.Provider>;
}

function Probe({
  identity,
  onRefused = () => undefined,
}: {
  identity: string | null;
  onRefused?: () => void;
}) {
  useSocketConnection(identity, onRefused);
  const state = useSocketState();
  const [last, setLast] = useState('none');
  const [joins, setJoins] = useState(0);
  useSocketEvent('chat:removed', (change) => setLast(change.chatId));
  useSocketConnected(() => setJoins((n) => n + 1));
  return (
    <p>
      <span data-testid="state">{state}</span>
      <span data-testid="last">{last}</span>
      <span data-testid="joins">{joins}</span>
    </p>
  );
}

const text = (id: string) => screen.getByTestId(id).textContent;

describe('socket hooks', () => {
  it('connect while someone is logged in, show the state, deliver events, and rejoin on reconnect', () => {
    const { client, latest, sockets } = fakeSocketClient();
    const view = render(withSocket(client, <Probe identity="customer:1:" />));
    expect(text('state')).toBe('connecting');
    act(() => latest().open());
    expect(text('state')).toBe('connected');
    expect(text('joins')).toBe('1');
    act(() => latest().send('chat:removed', { chatId: 'c7' }));
    expect(text('last')).toBe('c7');
    act(() => latest().drop('transport close'));
    expect(text('state')).toBe('reconnecting');
    act(() => latest().open());
    expect(text('joins')).toBe('2');

    // Logged out: the socket closes.
    view.rerender(withSocket(client, <Probe identity={null} />));
    expect(text('state')).toBe('off');
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.active).toBe(false);
  });

  it('tell the app when the server refuses the session', () => {
    const { client, latest } = fakeSocketClient();
    let refused = 0;
    render(withSocket(client, <Probe identity="staff:2:" onRefused={() => (refused += 1)} />));
    act(() => latest().refuse({ code: 'unauthenticated', message: 'Log in', status: 401 }));
    expect(refused).toBe(1);
    act(() => client.stop());
  });
});
