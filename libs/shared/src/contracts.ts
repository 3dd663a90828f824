/** What a contract is for; decides which object data the cabinet shows. */
export const CONTRACT_KINDS = ['memorial', 'renovation', 'consulting', 'other'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const ITEM_KINDS = ['goods', 'service'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Filter for contract lists: open work, finished work, or both. */
export const CONTRACT_STATE_FILTERS = ['active', 'closed', 'all'] as const;
export type ContractStateFilter = (typeof CONTRACT_STATE_FILTERS)[number];
