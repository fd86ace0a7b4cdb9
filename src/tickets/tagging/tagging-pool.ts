import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createBatchTagger, type BatchTags, type TaggerSetup, type TicketBatch } from './batch'

/**
 * A worker's live data is one model and one batch; without limits V8 sizes each
 * thread's heap for the whole machine (a 100k-ticket audit already peaked at 324 MB RSS).
 * A 1M-ticket audit peaked at 272 MB with these, 288 MB with a 16 MB young generation,
 * at the same speed.
 */
const WORKER_HEAP_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 }

/**
 * Tags batches on worker threads (round robin) or, with zero workers, on this thread.
 * Results come back as promises; callers await them in submission order.
 */
export class TaggingPool {
  private readonly pending = new Map<number, { resolve: (tags: BatchTags) => void; reject: (error: Error) => void }>()
  private nextId = 0
  private failure: Error | null = null

  private constructor(
    private readonly workers: Worker[],
    private readonly inline: ((batch: TicketBatch) => BatchTags) | null,
  ) {
    for (const worker of workers) {
      worker.on('message', ({ id, tags }: { id: number; tags: BatchTags }) => {
        this.pending.get(id)?.resolve(tags)
        this.pending.delete(id)
      })
      worker.on('error', (error) => this.fail(error))
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`tagging worker exited with code ${code}`))
      })
    }
  }

  static create(setup: TaggerSetup, workerCount: number): TaggingPool {
    if (workerCount <= 0) return new TaggingPool([], createBatchTagger(setup))
    const workerModulePath = fileURLToPath(new URL('./tag-worker.ts', import.meta.url))
    const entry = new URL('./worker-entry.cjs', import.meta.url)
    const workers = Array.from({ length: workerCount }, () => new Worker(entry, { workerData: { setup, workerModulePath }, resourceLimits: WORKER_HEAP_LIMITS }))
    return new TaggingPool(workers, null)
  }

  get workerCount(): number {
    return this.workers.length
  }

  tag(batch: TicketBatch): Promise<BatchTags> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.inline) return Promise.resolve(this.inline(batch))
    const id = this.nextId++
    const worker = this.workers[id % this.workers.length]!
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      worker.postMessage({ id, batch })
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}
