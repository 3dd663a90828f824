/** Where a contract document's file is served: shown in the browser, or saved with `download`. */
export function documentFileUrl(contractId: string, documentId: string, download = false) {
  const base = `/api/contracts/${encodeURIComponent(contractId)}/documents/${encodeURIComponent(documentId)}/file`;
  return download ? `${base}?download=true` : base;
}
