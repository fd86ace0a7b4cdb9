// autocannon ships no types; this declares only what the bench uses.
declare module 'autocannon' {
  type Options = { url: string; method?: string; body?: string; connections?: number; duration?: number; headers?: Record<string, string> }
  type Result = { requests: { total: number; average: number }; errors: number; timeouts: number }
  type Instance = PromiseLike<Result> & { on: (event: 'response', listener: (...args: never[]) => void) => void }
  export default function autocannon(options: Options): Instance
}
