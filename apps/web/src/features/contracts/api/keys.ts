import type { ContractListQuery } from './list-contracts';

export const contractKeys = {
  all: ['contracts'] as const,
  list: (q: ContractListQuery) => [...contractKeys.all, 'list', q] as const,
  filters: () => [...contractKeys.all, 'filters'] as const,
  summary: () => [...contractKeys.all, 'summary'] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
};
