import type { ApiKeyVerifier } from './api-key-verifier'

/** How long an exit waits for the last-use write before giving up on it. */
const FLUSH_GRACE_MS = 5_000

const SIGNALS = ['SIGTERM', 'SIGINT'] as const

/**
 * Writes the verifier's pending last uses (up to a minute of them) before the process exits on
 * SIGTERM / SIGINT. Two cases:
 * - someone else handles the signal — `next start` does: it drains requests, then calls
 *   `process.exit(143)` without waiting for anyone. So `process.exit` is held until the flush is
 *   done (at most FLUSH_GRACE_MS), and the flush runs then, after the drain, so the requests it
 *   finished are in it too;
 * - nobody else does (a script that imports `verifyApiKey`): flush, then the signal's default
 *   action, as if this listener had never been there.
 * Installed once per process, for the shared verifier only.
 */
export function flushUsageOnShutdown(verifier: Pick<ApiKeyVerifier, 'flushUsage'>, target: NodeJS.Process = process): void {
  let started = false
  const flushed = () => Promise.race([verifier.flushUsage().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, FLUSH_GRACE_MS).unref())])

  const onSignal = (signal: NodeJS.Signals) => {
    for (const name of SIGNALS) target.off(name, onSignal)
    if (started) return
    started = true
    if (target.listenerCount(signal) > 0) {
      const exit = target.exit.bind(target)
      target.exit = ((code?: number | string | null) => void flushed().finally(() => exit(code))) as typeof target.exit
      return
    }
    void flushed().finally(() => target.kill(target.pid, signal))
  }
  // First in line, so the decision above sees the other listeners before any of them runs.
  for (const name of SIGNALS) target.prependListener(name, onSignal)
}
