/** A PostgreSQL int[] literal for `= ANY(…::int[])`: the ids are numbers, so the literal is exact; repeats and non-numbers left out. */
export const intArrayLiteral = (ids: Iterable<number>): string => `{${[...new Set(ids)].filter(Number.isFinite).join(',')}}`
