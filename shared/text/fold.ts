/** Lower case, accents removed, outer whitespace trimmed: for case/accent-insensitive comparisons. */
export function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}
