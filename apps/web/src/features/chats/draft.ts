/** A chat's unsent text, kept in this browser so it survives a reload. */
const key = (chatId: string) => `kabinet.chat.draft.${chatId}`;

export function loadDraft(chatId: string): string {
  try {
    return localStorage.getItem(key(chatId)) ?? '';
  } catch {
    return ''; // storage unavailable (private mode): no draft
  }
}

export function saveDraft(chatId: string, text: string): void {
  try {
    if (text) localStorage.setItem(key(chatId), text);
    else localStorage.removeItem(key(chatId));
  } catch {
    // storage full or unavailable: the draft is only lost on reload
  }
}
