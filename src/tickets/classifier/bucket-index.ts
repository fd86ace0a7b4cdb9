/**
 * Immutable map from hashed feature bucket to dense feature index, sized to the
 * vocabulary (not to the hash space) so lookups stay in cache when tagging.
 */
export class BucketIndex {
  /** Interleaved [bucket, feature] pairs so a probe touches one cache line; bucket -1 is empty. */
  private readonly slots: Int32Array
  private readonly slotMask: number

  /** `buckets[i]` gets feature index i; buckets must be distinct and non-negative. */
  constructor(readonly buckets: Int32Array) {
    let capacity = 16
    while (capacity < buckets.length * 2) capacity *= 2
    this.slotMask = capacity - 1
    this.slots = new Int32Array(capacity * 2).fill(-1)
    buckets.forEach((bucket, feature) => {
      let slot = Math.imul(bucket, 0x9e3779b1) & this.slotMask
      while (this.slots[slot * 2] !== -1) slot = (slot + 1) & this.slotMask
      this.slots[slot * 2] = bucket
      this.slots[slot * 2 + 1] = feature
    })
  }

  get size(): number {
    return this.buckets.length
  }

  /** The feature index of `bucket`, or -1 when training never saw it. */
  featureOf(bucket: number): number {
    const slots = this.slots
    let slot = Math.imul(bucket, 0x9e3779b1) & this.slotMask
    for (;;) {
      const occupant = slots[slot * 2]!
      if (occupant === bucket) return slots[slot * 2 + 1]!
      if (occupant === -1) return -1
      slot = (slot + 1) & this.slotMask
    }
  }
}
