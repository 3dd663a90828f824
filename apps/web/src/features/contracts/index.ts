export { ContractPage } from './routes/ContractPage';
export { ContractsPage } from './routes/ContractsPage';
