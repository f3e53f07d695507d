const RTL = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'ku-Arab',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
])
const cache = new Map<string, 'ltr' | 'rtl'>()

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian, …), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let dir = cache.get(lang)
  if (dir) return dir
  try {
    const loc = new Intl.Locale(lang).maximize()
    // Intl.Locale#textInfo is not in every runtime yet; the script of the maximised tag is.
    dir = ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'].includes(loc.script ?? '')
      ? 'rtl'
      : 'ltr'
  } catch {
    dir = RTL.has(lang.split('-')[0] as string) ? 'rtl' : 'ltr'
  }
  cache.set(lang, dir)
  return dir
}
