/**
 * A reusable key → occurrence count accumulator (open addressing), so featurizing a ticket
 * allocates nothing. `keys`/`values` list the entries in insertion order. The slot table
 * starts small (a typical ticket fits in L1 cache) and doubles when half full.
 */
export class SparseCounts {
  readonly keys: Int32Array
  readonly values: Int32Array
  size = 0
  /** Interleaved [key, entry] pairs; key -1 marks an empty slot. */
  private slots: Int32Array
  private slotMask: number
  private readonly slotOfEntry: Int32Array

  constructor(readonly maxEntries: number) {
    this.keys = new Int32Array(maxEntries)
    this.values = new Int32Array(maxEntries)
    this.slotOfEntry = new Int32Array(maxEntries)
    const capacity = Math.min(2048, nextPowerOfTwo(maxEntries * 2))
    this.slots = new Int32Array(capacity * 2).fill(-1)
    this.slotMask = capacity - 1
  }

  /** Counts one occurrence of `key` (non-negative). */
  increment(key: number): void {
    const slots = this.slots
    let slot = Math.imul(key, 0x9e3779b1) & this.slotMask
    for (;;) {
      const occupant = slots[slot * 2]!
      if (occupant === key) {
        this.values[slots[slot * 2 + 1]!]!++
        return
      }
      if (occupant === -1) break
      slot = (slot + 1) & this.slotMask
    }
    // Full: further distinct keys are dropped; callers size this from the text cap.
    if (this.size === this.maxEntries) return
    slots[slot * 2] = key
    slots[slot * 2 + 1] = this.size
    this.slotOfEntry[this.size] = slot
    this.keys[this.size] = key
    this.values[this.size] = 1
    this.size++
    if (this.size * 2 > this.slotMask + 1) this.grow()
  }

  clear(): void {
    // Only the used slots are reset: clearing the whole table per ticket would dominate.
    for (let i = 0; i < this.size; i++) this.slots[this.slotOfEntry[i]! * 2] = -1
    this.size = 0
  }

  private grow(): void {
    const capacity = (this.slotMask + 1) * 2
    this.slots = new Int32Array(capacity * 2).fill(-1)
    this.slotMask = capacity - 1
    for (let entry = 0; entry < this.size; entry++) {
      let slot = Math.imul(this.keys[entry]!, 0x9e3779b1) & this.slotMask
      while (this.slots[slot * 2] !== -1) slot = (slot + 1) & this.slotMask
      this.slots[slot * 2] = this.keys[entry]!
      this.slots[slot * 2 + 1] = entry
      this.slotOfEntry[entry] = slot
    }
  }
}

function nextPowerOfTwo(value: number): number {
  let power = 16
  while (power < value) power *= 2
  return power
}
