/** One row of the `npm run bench` table. `floor` names the row this one is compared against. */
export type BenchRow = {
  name: string
  unit: string
  /** The measured throughput (requests/s, tickets/s, events/s …); higher is better. */
  throughput?: number
  p50?: number
  p95?: number
  p99?: number
  errors?: number
  /** Extra measured figures printed beside the row (peak RSS MB, target, …). */
  notes?: Record<string, number | string>
  floor?: string
}
