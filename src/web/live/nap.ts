/** Something that waits and may be woken early: `wake` is set while it waits. */
export interface Sleeper {
  wake?: (() => void) | undefined
}

/** Wait `ms`, or until `sleeper.wake()` is called, whichever comes first. */
export async function nap(sleeper: Sleeper, ms: number): Promise<void> {
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms)
    sleeper.wake = () => {
      clearTimeout(t)
      resolve()
    }
  })
  sleeper.wake = undefined
}
