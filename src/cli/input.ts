import { readFile } from 'node:fs/promises'
import { InvalidInput } from '../model/errors.js'

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Read all of standard input as bytes. */
export async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Decode bytes as strict UTF-8 text, or throw InvalidInput naming the source and the byte offset.
 * A NUL byte marks a binary file: no text format Tolk reads holds one.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  const nul = bytes.indexOf(0)
  if (nul !== -1) throw new InvalidInput(`${name} looks binary (a NUL byte at offset ${nul}); give a UTF-8 text file`, 'invalid-utf8')
  try {
    return UTF8.decode(bytes)
  } catch {
    throw new InvalidInput(`${name} is not valid UTF-8 (at byte ${firstInvalidByte(bytes)}); convert it to UTF-8 first`, 'invalid-utf8')
  }
}

/** Read FILE (or standard input for undefined or `-`) as strict UTF-8 text. */
export async function readTextInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return decodeText(await readStdinBytes(), 'standard input')
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? 'unreadable'
    throw new InvalidInput(`cannot read ${file}: ${why}`, 'unreadable-file')
  }
  return decodeText(bytes, file)
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
