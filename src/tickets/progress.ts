/**
 * A one-line progress bar on stderr, redrawn at most every 100 ms. It stays silent when
 * stderr is not a terminal (CI logs, pipes), so logs are not flooded with redraws.
 *
 * Hand-written rather than cli-progress (3.12.0, checked): cli-progress is silent off a
 * terminal too, and a format function could draw this same line, but on a terminal it
 * writes control sequences in separate writes (save cursor ESC 7, disable wrapping
 * ESC[?7l, cursor to column 1 ESC[1G, the line, clear right ESC[0K, …, restore ESC 8)
 * where this bar's contract (tests/unit/tickets/report.test.ts) is one `\r` + line write
 * per redraw and a final newline. It also redraws from its own timer and draws at start,
 * before there is anything to show. This class is 30 lines and needs no dependency.
 */
export interface ProgressOutput {
  readonly isTTY?: boolean
  write(text: string): unknown
}

const REDRAW_MS = 100
const BAR_WIDTH = 30

export class ProgressBar {
  private lastDraw = 0
  private readonly startedAt = Date.now()
  private drawn = false

  constructor(
    private readonly totalBytes: number,
    private readonly output: ProgressOutput = process.stderr,
    private readonly enabled = output.isTTY === true,
  ) {}

  update(bytesRead: number, tickets: number): void {
    if (!this.enabled) return
    const now = Date.now()
    if (now - this.lastDraw < REDRAW_MS) return
    this.lastDraw = now
    this.output.write(`\r${this.line(bytesRead, tickets, now)}`)
    this.drawn = true
  }

  finish(): void {
    if (this.enabled && this.drawn) this.output.write('\n')
  }

  line(bytesRead: number, tickets: number, now: number): string {
    const fraction = this.totalBytes > 0 ? Math.min(1, bytesRead / this.totalBytes) : 0
    const filled = Math.round(fraction * BAR_WIDTH)
    const seconds = Math.max((now - this.startedAt) / 1000, 0.001)
    const rate = Math.round(tickets / seconds)
    return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${tickets.toLocaleString('en-US')} tickets  ${rate.toLocaleString('en-US')}/s`
  }
}
