import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ConnectRefusal, ServerEventPayload, ServerEvents } from '@kabinet/shared';
import { socketClient, type SocketClient, type SocketState } from './socket';

/** The socket the hooks use: the SPA's one; tests provide another. */
export const SocketContext = createContext<SocketClient>(socketClient);

export function useSocketClient(): SocketClient {
  return useContext(SocketContext);
}

/**
 * Keeps the socket connected while someone is logged in: `identity` from `socketIdentity(me)`,
 * null when nobody is (the socket closes). `onRefused` hears the server refuse the session
 * (ended elsewhere, expired): the app asks again who is logged in.
 */
export function useSocketConnection(
  identity: string | null,
  onRefused: (refusal: ConnectRefusal) => void,
): void {
  const client = useSocketClient();
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });
  useEffect(() => client.onRefused((refusal) => refused.current(refusal)), [client]);
  useEffect(() => {
    if (!identity) return;
    client.start(identity);
    return () => client.stop();
  }, [client, identity]);
}

/** The connection's state, e.g. to show "reconnecting…". */
export function useSocketState(): SocketState {
  const client = useSocketClient();
  return useSyncExternalStore(client.subscribeState, client.getState, client.getState);
}

/** Calls `handler` with each `event` from the server while the component is mounted. */
export function useSocketEvent<E extends keyof ServerEvents>(
  event: E,
  handler: (payload: ServerEventPayload<E>) => void,
): void {
  const client = useSocketClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}

/**
 * Calls `handler` on every connection while mounted (and at once if connected): join a chat's
 * room again, ask for what came while the socket was away.
 */
export function useSocketConnected(handler: () => void): void {
  const client = useSocketClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (client.getState() === 'connected') latest.current();
    return client.onConnect(() => latest.current());
  }, [client]);
}
