import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@kabinet/api-client';
import { api, ApiError, unwrap } from '../../../lib/api';
import { devKeys } from './keys';

export type OutboxMessage = Schemas['DevOutboxMessageDto'];

/** The dev SMS outbox, newest first; the API answers 404 in production. */
export function fetchOutbox() {
  return api.GET('/api/dev/outbox').then(unwrap);
}

/** 404: the outbox does not exist (production). */
export function isUnavailable(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export const outboxQuery = () =>
  queryOptions({
    queryKey: devKeys.outbox(),
    queryFn: fetchOutbox,
    // Every 2 s, so a login code shows up on its own; not at all where the outbox does not exist.
    refetchInterval: (query) => (isUnavailable(query.state.error) ? false : 2000),
    retry: false,
  });

export function useDevOutbox() {
  return useQuery(outboxQuery());
}

/** Whether this server has a dev outbox; decides if the login page links to it. */
export async function fetchOutboxAvailable(): Promise<boolean> {
  return (await api.GET('/api/dev/outbox')).response.ok;
}

export function useDevOutboxAvailable() {
  return useQuery({
    queryKey: devKeys.outboxAvailable(),
    queryFn: fetchOutboxAvailable,
    staleTime: Infinity,
    retry: false,
  });
}
