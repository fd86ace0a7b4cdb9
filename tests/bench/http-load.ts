import autocannon from 'autocannon'

import type { BenchRow } from './types'
import { percentile } from './stats'

type LoadOptions = { name: string; url: string; method?: 'GET' | 'POST'; body?: string; headers?: Record<string, string>; connections?: number; seconds?: number; floor?: string }

/**
 * Drives one URL with autocannon. autocannon's summary has no p95, so every response time is
 * recorded and the percentiles are computed from the full list.
 */
export async function httpLoad({ name, url, method = 'GET', body, headers = {}, connections = 50, seconds = 10, floor }: LoadOptions): Promise<BenchRow> {
  const latencies: number[] = []
  let non2xx = 0
  const instance = autocannon({ url, method, body, connections, duration: seconds, headers })
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime)
    if (statusCode < 200 || statusCode >= 300) non2xx++
  })
  const result = await instance
  latencies.sort((a, b) => a - b)
  return {
    name,
    unit: 'req/s',
    throughput: Math.round(result.requests.total / seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + non2xx,
    notes: { connections, seconds, requests: result.requests.total },
    floor,
  }
}
