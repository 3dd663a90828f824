export const shareKeys = {
  all: ['shares'] as const,
  contract: (contractId: string) => [...shareKeys.all, 'contract', contractId] as const,
  received: () => [...shareKeys.all, 'received'] as const,
};
