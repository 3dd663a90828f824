// Family members: a contract's owner shares it by phone, read-only or in full; the person sees
// it marked as shared; staff see and revoke the shares.
export { ContractSharing, type SharingMode } from './components/ContractSharing';
export {
  isSharedWithMe,
  SharedContractNotice,
  SharedMark,
  sharingMode,
} from './components/SharedMarks';
export { useReceivedShares, type ReceivedShare } from './api/received-shares';
