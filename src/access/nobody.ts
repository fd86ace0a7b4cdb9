/**
 * Nobody, staff included: for what only the domain code writes, through the Local API (which skips
 * access). Takes no arguments, so it serves as collection and field access alike.
 */
export const nobody = (): false => false
