/** The longest name kept (`chat_attachments.name` is varchar(255): characters, not bytes). */
export const MAX_UPLOAD_NAME = 255;

/** Bidirectional controls (an `exe.jpg` shown as `gpj.exe`), zero-width no-break space, separators. */
const INVISIBLE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/gu;
const CONTROL = /\p{Cc}/gu;
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * The name an upload is shown and offered under: the sender's file name without folders
 * (`C:\Users\x\plan.pdf` → `plan.pdf`), control and direction-changing characters, or runs of
 * spaces; at most 255 characters, cutting the stem and keeping the extension; never empty
 * (`file`). Only ever shown: the stored key never comes from it.
 */
export function uploadDisplayName(raw: string): string {
  const base = raw.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    // Windows drops trailing dots and spaces; a name of only dots is no name.
    .replace(/[. ]+$/u, '');
  if (!clean) return 'file';
  const chars = [...clean];
  if (chars.length <= MAX_UPLOAD_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? [...clean.slice(dot)] : [];
  if (ext.length === 0 || ext.length > 16) return chars.slice(0, MAX_UPLOAD_NAME).join('');
  const stem = chars
    .slice(0, MAX_UPLOAD_NAME - ext.length)
    .join('')
    .trimEnd();
  return stem + ext.join('');
}
