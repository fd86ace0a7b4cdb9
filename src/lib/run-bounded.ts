/** Runs `work` on every item, at most `concurrency` at once (each in flight may hold a pooled connection). */
export async function runBounded<T>(items: readonly T[], work: (item: T) => Promise<void>, concurrency: number): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}
