import { ingestUsageRequest } from '@/metering/ingest-usage-request'
import { payloadInstance } from '@/lib/payload'

/** POST /api/metering/events — the product reporting usage (a batch of up to 1,000), authenticated by METERING_INGEST_TOKEN. */
export async function POST(request: Request): Promise<Response> {
  return ingestUsageRequest(await payloadInstance(), request)
}
