import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { readCsrfToken, type Problem, type Schemas } from '@kabinet/api-client';
import { CSRF_HEADER } from '@kabinet/shared';
import { api, ApiError, unwrap } from '../../../lib/api';
import { chatKeys } from '../keys';

export type Attachment = Schemas['ChatAttachmentDto'];
export type Material = Schemas['ChatMaterialDto'];
export const MATERIALS_PAGE_SIZE = 24;

export function attachmentUrl(id: string, download = false) {
  const base = `/api/chat-attachments/${encodeURIComponent(id)}`;
  return download ? `${base}?download=true` : base;
}

export function thumbnailUrl(id: string) {
  return `/api/chat-attachments/${encodeURIComponent(id)}/thumbnail`;
}

/**
 * Uploads one file to the chat (multipart `file`, with the CSRF header), reporting progress from
 * 0 to 1; a refusal (400 type, 413 size) becomes an ApiError with the problem's code.
 */
export function uploadAttachment(
  chatId: string,
  file: File,
  onProgress: (share: number) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/chats/${encodeURIComponent(chatId)}/attachments`);
    xhr.withCredentials = true;
    xhr.setRequestHeader(CSRF_HEADER, readCsrfToken(document.cookie) ?? '');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON (a proxy's page): the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Attachment);
      else
        reject(
          new ApiError(xhr.status, {
            ...(xhr.status === 413 ? { code: 'payload_too_large' } : {}),
            ...(body as Partial<Problem>),
          }),
        );
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function useMaterials(chatId: string, kind: 'image' | 'file' | '', page: number) {
  return useQuery({
    queryKey: chatKeys.materials(chatId, kind, page),
    queryFn: () =>
      api
        .GET('/api/chats/{id}/materials', {
          params: {
            path: { id: chatId },
            query: { kind: kind || undefined, page, pageSize: MATERIALS_PAGE_SIZE },
          },
        })
        .then(unwrap),
    placeholderData: keepPreviousData,
  });
}
