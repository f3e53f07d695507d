// Shared by the peers: write lines in chunks of about 1 MB, one write per chunk, waiting for
// each (the same shape as `tolk segment`'s plain output, so output cost is comparable).

/** @param {NodeJS.WritableStream} out  @param {Iterable<string>} lines */
export async function writeLinesTo(out, lines) {
  let chunk = []
  let size = 0
  for (const line of lines) {
    chunk.push(line)
    size += line.length + 1
    if (size > 1 << 20) {
      await write(out, `${chunk.join('\n')}\n`)
      chunk = []
      size = 0
    }
  }
  if (chunk.length > 0) await write(out, `${chunk.join('\n')}\n`)
}

function write(out, s) {
  return new Promise((resolve, reject) => out.write(s, (err) => (err ? reject(err) : resolve())))
}
