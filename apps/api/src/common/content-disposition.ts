import { create } from 'content-disposition';

const CYRILLIC: Record<string, string> = Object.fromEntries(
  (
    'а:a б:b в:v г:g д:d е:e ё:e ж:zh з:z и:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t у:u ф:f ' +
    'х:kh ц:ts ч:ch ш:sh щ:shch ъ: ы:y ь: э:e ю:iu я:ia'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Russian letters in Latin ones (ГМ-000101 → GM-000101), for the ASCII file name. */
function transliterate(s: string): string {
  return [...s]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const latin = CYRILLIC[lower];
      if (latin === undefined) return ch;
      return ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
    })
    .join('');
}

/**
 * The one way a response names its file: `inline` or `attachment` with the name in UTF-8
 * (RFC 6266 / RFC 8187 `filename*`, e.g. `ГМ-000101 товары и услуги.pdf`) and a transliterated
 * ASCII `filename` for old clients (`GM-000101 tovary i uslugi.pdf`) rather than question marks.
 * Path separators, quotes and control characters in the name become `_`, so a name from 1C or
 * an upload can neither break the header nor point elsewhere.
 */
export function fileDisposition(name: string, type: 'inline' | 'attachment'): string {
  const clean =
    [...name]
      .map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 0x20 || ch === '\x7f' ? '_' : ch))
      .join('')
      .trim() || 'file';
  const fallback = transliterate(clean).replace(/[^\x20-\x7e]/g, '_');
  return create(clean, { type, fallback });
}
