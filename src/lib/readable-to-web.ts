import type { Readable } from 'node:stream'

/**
 * A Node readable (any implementation: archiver uses readable-stream's) as the web stream a
 * `Response` takes, with backpressure both ways: the source is paused while the consumer's queue
 * is full and resumed when it pulls. `onCancel` runs when the consumer goes away (a closed tab);
 * whatever the source does after that is ignored, since the web stream is already closed.
 */
export function readableToWeb(source: Pick<Readable, 'on' | 'pause' | 'resume'>, onCancel: () => void): ReadableStream<Uint8Array> {
  let cancelled = false
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        source.on('data', (chunk: Buffer) => {
          if (cancelled) return
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
          if ((controller.desiredSize ?? 0) <= 0) source.pause()
        })
        source.on('end', () => {
          if (!cancelled) controller.close()
        })
        source.on('error', (error: Error) => {
          if (!cancelled) controller.error(error)
        })
      },
      pull() {
        source.resume()
      },
      cancel() {
        cancelled = true
        onCancel()
      },
    },
    { highWaterMark: 8 },
  )
}
