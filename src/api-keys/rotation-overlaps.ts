/** How long the old key keeps working after a rotation (the form offers these; 24 hours by default). */
export const ROTATION_OVERLAPS = { now: 0, '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000 } as const
export type RotationOverlap = keyof typeof ROTATION_OVERLAPS
export const ROTATION_OVERLAP_IDS = Object.keys(ROTATION_OVERLAPS) as [RotationOverlap, ...RotationOverlap[]]
