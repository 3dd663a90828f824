/** Where a contract document's file is served: shown in the browser, or saved with `download`. */
export function documentFileUrl(contractId: string, documentId: string, download = false) {
  const base = `/api/contracts/${encodeURIComponent(contractId)}/documents/${encodeURIComponent(documentId)}/file`;
  return download ? `${base}?download=true` : base;
}

/** The contract's goods and services as a PDF (always downloaded), in the reader's language. */
export function itemsPdfUrl(contractId: string, language: string) {
  const lang = language.startsWith('en') ? 'en' : 'ru';
  return `/api/contracts/${encodeURIComponent(contractId)}/items.pdf?lang=${lang}`;
}
