import type { CustomerQuery } from './list-customers';

export const customerKeys = {
  all: ['customers'] as const,
  list: (q: CustomerQuery) => [...customerKeys.all, 'list', q] as const,
};
