import { InvalidInput } from '../model/errors.js'
import { textDecoder } from './windows-1252.js'

/**
 * Decode a translated file's bytes by what the file says of itself, as the tools that wrote it
 * meant: a byte-order mark (UTF-8, UTF-16 LE or BE), else UTF-16 told by an XML file's first `<`,
 * else an XML declaration's `encoding`, else a PO header's `charset=` (gettext's own rule), else
 * UTF-8. Legacy charsets go through the WHATWG decoders Node carries (ISO-8859-1 to -16,
 * windows-1250 to -1258, KOI8-R/U, EUC-JP, ISO-2022-JP, Shift_JIS, EUC-KR, GBK, GB18030, Big5).
 * Bytes the charset cannot decode, an unknown charset and an empty file are InvalidInput naming
 * the file.
 */
export function decodeFileBytes(bytes: Uint8Array, name: string): string {
  const { label, skip } = charsetOf(bytes)
  let decoder: ReturnType<typeof textDecoder>
  try {
    decoder = textDecoder(label)
  } catch {
    throw new InvalidInput(`${name}: unknown charset ${label}; save the file as UTF-8`, 'invalid-utf8')
  }
  let text: string
  try {
    text = decoder.decode(bytes.subarray(skip))
  } catch {
    throw new InvalidInput(`${name} is not valid ${decoder.encoding === 'utf-8' ? 'UTF-8' : label}; save the file as UTF-8`, 'invalid-utf8')
  }
  if (text.trim() === '') throw new InvalidInput(`${name} is empty`, 'empty-file')
  return text
}

/** The charset label of a file's bytes, and how many bytes of byte-order mark to skip. */
function charsetOf(bytes: Uint8Array): { label: string; skip: number } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]]
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', skip: 3 }
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', skip: 2 }
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', skip: 2 }
  // XML without a mark: its first character is `<`, two bytes wide in UTF-16.
  if (a === 0x3c && b === 0x00) return { label: 'utf-16le', skip: 0 }
  if (a === 0x00 && b === 0x3c) return { label: 'utf-16be', skip: 0 }
  // Every other charset Tolk reads keeps ASCII as ASCII, so the declaration reads as Latin-1.
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1')
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]
  if (declared) return { label: declared, skip: 0 }
  if (/^\s*</.test(head)) return { label: 'utf-8', skip: 0 }
  return { label: poCharset(head) ?? 'utf-8', skip: 0 }
}

/**
 * The `charset=` of a PO header (`"Content-Type: text/plain; charset=ISO-8859-1\n"`), or undefined.
 * `CHARSET` is the placeholder of a template no one filled in: gettext reads it as ASCII, which
 * UTF-8 includes.
 */
function poCharset(head: string): string | undefined {
  const cs = /"Content-Type:[^"]*charset=([A-Za-z0-9._:-]+)/i.exec(head)?.[1]
  return cs === undefined || cs.toUpperCase() === 'CHARSET' ? undefined : cs
}
