import { lazy } from 'react';

export { useContracts, useContractsSummary } from './api/list-contracts';
export { ChangedBadge } from './components/ChangedBadge';
export { ContractStatus } from './components/ContractStatus';
export { DueNow } from './components/DueNow';

/** Route pages load on demand. */
export const ContractsPage = lazy(() =>
  import('./routes/ContractsPage').then((m) => ({ default: m.ContractsPage })),
);
export const ContractPage = lazy(() =>
  import('./routes/ContractPage').then((m) => ({ default: m.ContractPage })),
);
