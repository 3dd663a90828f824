export const companyKeys = {
  all: ['company'] as const,
  contacts: () => [...companyKeys.all, 'contacts'] as const,
  brand: () => [...companyKeys.all, 'brand'] as const,
};
