/** A one-line progress bar on stderr when it is a terminal; silent otherwise (CI logs stay clean). */
export interface Progress {
  tick(): void
  /** Print a line above the bar. */
  log(line: string): void
  done(): void
}

export function createProgress(total: number, label: string): Progress {
  const tty = process.stderr.isTTY === true
  let done = 0
  let lastDraw = 0
  const draw = (force = false) => {
    if (!tty) return
    const now = Date.now()
    if (!force && now - lastDraw < 100) return
    lastDraw = now
    const width = 30
    const filled = total === 0 ? width : Math.round((done / total) * width)
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
  }
  return {
    tick() {
      done++
      draw(done === total)
    },
    log(line) {
      if (tty) process.stderr.write('\r\x1b[K')
      process.stderr.write(`${line}\n`)
      draw(true)
    },
    done() {
      if (tty) process.stderr.write('\n')
    },
  }
}
