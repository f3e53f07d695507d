/**
 * windows-1252, the charset behind the labels ISO-8859-1, latin1 and cp1252 alike (WHATWG's
 * Encoding Standard), decoded by hand: Node 20's TextDecoder reads bytes 0x80–0x9F as C1 control
 * characters instead of the letters and punctuation they are (`0x96` is `–`, `0x93` is `“`).
 * Every other byte is its own code point. The five bytes windows-1252 leaves undefined (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) read as the C1 controls of the same value, as the standard says.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : String.fromCharCode(b)
  }
  return out
}

/** A decoder with TextDecoder's `decode`, right for windows-1252 too (see decodeWindows1252). */
export function textDecoder(label: string): { encoding: string; decode: (bytes: Uint8Array) => string } {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true })
  if (decoder.encoding === 'windows-1252') return { encoding: 'windows-1252', decode: decodeWindows1252 }
  return { encoding: decoder.encoding, decode: (bytes) => decoder.decode(bytes) }
}
