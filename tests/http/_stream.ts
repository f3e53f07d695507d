/**
 * Reads what is left of an event stream, for at most `ms`: everything up to its end, or what came
 * before the time ran out (then the stream is cancelled, so the text has no `event: end`).
 */
export async function readRest(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<string> {
  const decoder = new TextDecoder()
  let text = ''
  const deadline = setTimeout(() => void reader.cancel(), ms)
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return text
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(deadline)
  }
}
