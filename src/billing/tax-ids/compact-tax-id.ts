/** A tax ID as people write it (spaces, dots, dashes, slashes, any case) reduced to its characters. */
export const compactTaxId = (value: string): string => value.toUpperCase().replace(/[\s.\-/,]/g, '')
