import { open, readFile, type FileHandle } from 'node:fs/promises'
import { InvalidInput } from '../model/errors.js'
import { decodeText } from '../model/utf8.js'

/** Read all of standard input as bytes. */
export async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * FILE (or standard input for undefined or `-`) as a stream of byte chunks of at most `size`
 * bytes, for readers that decode as they go (decodeChunks). A file is read into one buffer,
 * reused: each chunk is valid only until the next is asked for, and reading allocates nothing
 * per chunk. A file that cannot be opened or read gives the same InvalidInput as readTextInput.
 */
export async function* readInputChunks(file: string | undefined, size = 1 << 20): AsyncGenerator<Uint8Array> {
  if (file === undefined || file === '-') {
    for await (const c of process.stdin) yield c as Buffer
    return
  }
  let handle: FileHandle
  try {
    handle = await open(file)
  } catch (err) {
    throw unreadable(file, err)
  }
  try {
    const buffer = Buffer.allocUnsafe(size)
    for (;;) {
      let n: number
      try {
        n = (await handle.read(buffer, 0, size, null)).bytesRead
      } catch (err) {
        throw unreadable(file, err)
      }
      if (n === 0) return
      yield buffer.subarray(0, n)
    }
  } finally {
    await handle.close()
  }
}

function unreadable(file: string, err: unknown): InvalidInput {
  const code = (err as NodeJS.ErrnoException).code
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? 'unreadable'
  return new InvalidInput(`cannot read ${file}: ${why}`, 'unreadable-file')
}

/** Read FILE (or standard input for undefined or `-`) as bytes, for readers that decode by the file's own charset. */
export async function readInputBytes(file: string | undefined): Promise<Buffer> {
  if (file === undefined || file === '-') return readStdinBytes()
  try {
    return await readFile(file)
  } catch (err) {
    throw unreadable(file, err)
  }
}

/** Read FILE (or standard input for undefined or `-`) as strict UTF-8 text. */
export async function readTextInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return decodeText(await readStdinBytes(), 'standard input')
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (err) {
    throw unreadable(file, err)
  }
  return decodeText(bytes, file)
}
