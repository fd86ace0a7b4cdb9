import { HEALTH_FLOOR, rssMb, signInCookie, withBenchServer } from './bench-server'
import { httpLoad } from './http-load'
import { percentile, round } from './stats'
import type { BenchRow } from './types'

const ZIP_RUNS = 5
const day = (date: Date) => date.toISOString().slice(0, 10)
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50)

/** One ZIP download: time to its first byte and to its last, the bytes, and the server's RSS sampled every 20 ms meanwhile. */
async function downloadZip(url: string, headers: Record<string, string>, pid: number) {
  const samples: number[] = []
  const sampler = setInterval(() => void rssMb(pid).then((mb) => samples.push(mb), () => {}), 20)
  const started = performance.now()
  try {
    const response = await fetch(url, { headers })
    if (!response.ok || !response.body) throw new Error(`The ZIP answered ${response.status}: ${await response.text()}`)
    let ttfb = 0
    let bytes = 0
    const reader = response.body.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!ttfb) ttfb = performance.now() - started
      bytes += chunk.value.byteLength
    }
    return { ttfb, total: performance.now() - started, bytes, samples }
  } finally {
    clearInterval(sampler)
  }
}

/**
 * Issue 12's rows: the invoice list (Stripe's list through our server) and a ZIP of the demo's 13
 * invoices of the last 13 months (each PDF fetched from Stripe as the archive streams), beside the
 * floor route in the same run; the server's RSS while the ZIP streams shows whether it buffers.
 */
export async function benchInvoices(): Promise<BenchRow[]> {
  return withBenchServer(async (server) => {
    const session = { cookie: await signInCookie(server.url, 'billing@demo.test'), 'sec-fetch-site': 'same-origin' }
    const now = new Date()
    const from = day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 13, now.getUTCDate())))
    const zipUrl = `${server.url}/api/billing/invoices/archive.zip?from=${from}&to=${day(now)}`

    await httpLoad({ name: 'warm-up', url: `${server.url}/api/billing/invoices`, headers: session, seconds: 3 })
    const floor = await httpLoad({ name: HEALTH_FLOOR, url: `${server.url}/api/health` })
    const list = await httpLoad({ name: 'GET /api/billing/invoices (signed in, first page from Stripe)', url: `${server.url}/api/billing/invoices`, headers: session, floor: HEALTH_FLOOR })

    const rssBefore = await rssMb(server.pid)
    const runs = []
    for (let run = 0; run < ZIP_RUNS; run++) runs.push(await downloadZip(zipUrl, session, server.pid))
    const samples = runs.flatMap((run) => run.samples)
    const totals = runs.map((run) => run.total)
    const zip: BenchRow = {
      name: `GET archive.zip (13 months: ${runs[0]!.bytes} bytes, ${ZIP_RUNS} sequential)`,
      unit: 'ZIPs/s',
      throughput: round(1000 / median(totals)),
      p50: round(median(totals)),
      p95: round(Math.max(...totals)),
      errors: 0,
      notes: { ttfbP50Ms: round(median(runs.map((run) => run.ttfb))), rssBeforeMb: rssBefore, rssPeakMb: Math.max(rssBefore, ...samples), rssAfterMb: await rssMb(server.pid), rssSamples: samples.length },
      floor: HEALTH_FLOOR,
    }
    return [floor, list, zip]
  })
}
