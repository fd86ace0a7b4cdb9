/** Durations of a request's phases, sent as a `Server-Timing` header so a browser's devtools and the bench can read them. */
export type ServerTiming = {
  /** Runs `work` as the phase `name` (time adds up if the phase runs more than once). */
  measure: <T>(name: string, work: () => Promise<T> | T) => Promise<T>
  /** `session;dur=1.2, flags;dur=0.1, …, total;dur=5.3`: each phase in milliseconds, then the time since the start. */
  header: () => string
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** `clock` is injectable so tests can pin the numbers; by default the monotonic clock. */
export function serverTiming(clock: () => number = () => performance.now()): ServerTiming {
  const startedAt = clock()
  const phases = new Map<string, number>()
  return {
    async measure(name, work) {
      const start = clock()
      try {
        return await work()
      } finally {
        phases.set(name, (phases.get(name) ?? 0) + clock() - start)
      }
    },
    header() {
      const entries = [...phases].map(([name, ms]) => `${name};dur=${round(ms)}`)
      return [...entries, `total;dur=${round(clock() - startedAt)}`].join(', ')
    },
  }
}
