/** An event stream read a piece at a time: what came so far, and whether it ended. */
export interface OpenStream {
  /** Read until `pattern` shows in the text or `ms` pass; whether it showed. */
  until(pattern: RegExp, ms: number): Promise<boolean>
  /** Read until the stream ends or `ms` pass; whether it ended. */
  endsWithin(ms: number): Promise<boolean>
  /** Everything read so far. */
  text(): string
  cancel(): Promise<void>
}

/** Wrap a `text/event-stream` response for reading with deadlines. */
export function openStream(res: Response): OpenStream {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let text = ''
  let ended = false
  // One read at a time may be pending; a deadline leaves it pending for the next call.
  let pending: ReturnType<typeof reader.read> | undefined
  const readFor = async (done: () => boolean, ms: number): Promise<boolean> => {
    const late = new Promise<'late'>((r) => setTimeout(() => r('late'), ms))
    while (!done() && !ended) {
      pending ??= reader.read()
      const got = await Promise.race([pending, late])
      if (got === 'late') return done()
      pending = undefined
      if (got.done) ended = true
      else text += decoder.decode(got.value, { stream: true })
    }
    return done()
  }
  return {
    until: (pattern, ms) => readFor(() => pattern.test(text), ms),
    endsWithin: (ms) => readFor(() => ended, ms),
    text: () => text,
    cancel: async () => {
      if (!ended) await reader.cancel()
    },
  }
}
