/** Query keys of the charter feature: everything about one charter sits under charterKey(id). */
export const chartersKey = ['charters'] as const;

export function charterKey(id: string) {
  return [...chartersKey, id] as const;
}
