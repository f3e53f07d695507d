import { InvalidInput } from './errors.js'

// Strict UTF-8 decoding, shared by every reader of text (CLI files, streams, HTTP bodies).
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decode bytes as strict UTF-8 text, or throw InvalidInput naming the source and the byte offset.
 * A NUL byte marks a binary file: no text format Tolk reads holds one.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0)
  if (nul !== -1) throw binaryInput(name, nul)
  try {
    return UTF8.decode(bytes)
  } catch {
    throw invalidUtf8(name, firstInvalidByte(bytes))
  }
}

/**
 * Decode a stream of byte chunks as strict UTF-8, chunk by chunk: the same text, and the same
 * errors at the same byte offsets, as decodeText on the concatenated bytes (a NUL byte is checked
 * per chunk, so a NUL after the first invalid sequence is reported as invalid UTF-8 instead).
 * A character split across chunks is carried over; nothing but the current chunk is held.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, name: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let offset = 0
  // The bytes of an incomplete character at the end of the chunks so far (at most 3).
  let carry = new Uint8Array(0)
  for await (const chunk of chunks) {
    const nul = chunk.indexOf(0)
    if (nul !== -1) throw binaryInput(name, offset + nul)
    let text: string
    try {
      text = decoder.decode(chunk, { stream: true })
    } catch {
      throw invalidUtf8(name, offset - carry.length + firstInvalidByte(concat(carry, chunk)))
    }
    const tail = chunk.length >= 4 ? chunk : concat(carry, chunk)
    carry = tail.slice(tail.length - incompleteTail(tail))
    offset += chunk.length
    if (text !== '') yield text
  }
  let rest: string
  try {
    rest = decoder.decode()
  } catch {
    throw invalidUtf8(name, offset - carry.length + firstInvalidByte(carry))
  }
  if (rest !== '') yield rest
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/** How many bytes at the end of valid UTF-8 `bytes` begin a character that is not complete yet. */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k] ?? 0
    if ((b & 0xc0) === 0x80) continue
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return len > k ? k : 0
  }
  return 0
}

/** The error for a NUL byte at byte `offset` of the input `name`. */
export function binaryInput(name: string, offset: number): InvalidInput {
  return new InvalidInput(`${name} looks binary (a NUL byte at offset ${offset}); give a UTF-8 text file`, 'invalid-utf8')
}

/** The error for input `name` whose first byte that breaks UTF-8 is at `offset`. */
export function invalidUtf8(name: string, offset: number): InvalidInput {
  return new InvalidInput(`${name} is not valid UTF-8 (at byte ${offset}); convert it to UTF-8 first`, 'invalid-utf8')
}

/** Offset of the first byte that breaks UTF-8, found by decoding growing prefixes' boundaries. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (len === 0 || i + len > bytes.length) return i
    try {
      UTF8.decode(bytes.subarray(i, i + len))
    } catch {
      return i
    }
    i += len
  }
  return i
}
