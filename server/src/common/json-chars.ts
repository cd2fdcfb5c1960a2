/** The character codes of JSON's punctuation, for the scanners that read JSON text without parsing it. */
export const JSON_CHAR = {
  quote: 0x22,
  backslash: 0x5c,
  openObject: 0x7b,
  closeObject: 0x7d,
  openArray: 0x5b,
  closeArray: 0x5d,
  comma: 0x2c,
  colon: 0x3a,
} as const;
