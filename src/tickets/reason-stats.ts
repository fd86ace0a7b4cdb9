import { MedianEstimator } from './median-estimator'

export interface TicketExample {
  readonly id: string
  readonly text: string
  readonly confidence: number
}

const MAX_EXAMPLES = 3
const DAY_MS = 86_400_000

/** Everything the reports need about one reason, in memory that does not grow with ticket count. */
export class ReasonStats {
  tickets = 0
  handleMinutes = 0
  cost = 0
  readonly resolutionHours = new MedianEstimator()
  /** Highest-confidence examples, best first (at most MAX_EXAMPLES). */
  readonly examples: TicketExample[] = []
  /** Tickets per UTC day (days since epoch); bounded by the export's date span, for deflection cut-overs. */
  readonly ticketsPerDay = new Map<number, number>()

  add(createdAt: number, resolutionHours: number | null, handleMinutes: number, cost: number): void {
    this.tickets++
    this.handleMinutes += handleMinutes
    this.cost += cost
    if (resolutionHours !== null) this.resolutionHours.add(resolutionHours)
    const day = Math.floor(createdAt / DAY_MS)
    this.ticketsPerDay.set(day, (this.ticketsPerDay.get(day) ?? 0) + 1)
  }

  /** Whether an example with this confidence would make the list (to avoid preparing its text otherwise). */
  wantsExample(confidence: number): boolean {
    return this.examples.length < MAX_EXAMPLES || confidence > this.examples[this.examples.length - 1]!.confidence
  }

  offerExample(example: TicketExample): void {
    if (!this.wantsExample(example.confidence) || example.text === '') return
    if (this.examples.some((kept) => kept.text === example.text)) return
    this.examples.push(example)
    this.examples.sort((a, b) => b.confidence - a.confidence)
    if (this.examples.length > MAX_EXAMPLES) this.examples.pop()
  }
}
