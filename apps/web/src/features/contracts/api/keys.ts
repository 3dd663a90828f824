import type { ContractStateFilter } from '@kabinet/shared';

export const contractKeys = {
  all: ['contracts'] as const,
  list: (q: { state: ContractStateFilter; page: number }) =>
    [...contractKeys.all, 'list', q] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
};
