export const originalUrl = (id: string) => `/api/exchange/files/${encodeURIComponent(id)}/original`;
export const reportUrl = (id: string) => `/api/exchange/files/${encodeURIComponent(id)}/report`;
