import fs from 'node:fs'
import path from 'node:path'
import { InvalidInput } from '../model/errors.js'

/** Write to a temporary file beside FILE, then rename: a failed export leaves no half file. */
export async function writeFileAtomically(file: string, pieces: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`)
  let fd: number
  try {
    fd = fs.openSync(tmp, 'w')
  } catch (err) {
    throw new InvalidInput(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`, 'unwritable-file')
  }
  try {
    for await (const piece of pieces) fs.writeSync(fd, piece)
    fs.closeSync(fd)
    fs.renameSync(tmp, file)
  } catch (err) {
    fs.rmSync(tmp, { force: true })
    throw err
  }
}
