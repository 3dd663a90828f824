export const exchangeKeys = {
  all: ['exchange'] as const,
  status: () => [...exchangeKeys.all, 'status'] as const,
  runs: (page: number) => [...exchangeKeys.all, 'runs', page] as const,
  exports: (page: number) => [...exchangeKeys.all, 'exports', page] as const,
};
