import type { ChangeRequestQuery } from './list-change-requests';

export const changeRequestKeys = {
  all: ['change-requests'] as const,
  list: (q: ChangeRequestQuery) => [...changeRequestKeys.all, 'list', q] as const,
};
