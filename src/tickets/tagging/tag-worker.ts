import { parentPort, workerData } from 'node:worker_threads'
import { createBatchTagger, type TaggerSetup, type TicketBatch } from './batch'

/** Worker thread body: builds one tagger from the setup, then tags batches in arrival order. */
const { setup } = workerData as { setup: TaggerSetup }
const tagBatch = createBatchTagger(setup)
const port = parentPort!

port.on('message', ({ id, batch }: { id: number; batch: TicketBatch }) => {
  const tags = tagBatch(batch)
  // The result arrays are freshly allocated per batch, so their buffers can be moved rather than copied.
  const buffers = [tags.reasonIndex.buffer, tags.confidence.buffer, tags.overridden.buffer] as ArrayBuffer[]
  port.postMessage({ id, tags }, buffers)
})
