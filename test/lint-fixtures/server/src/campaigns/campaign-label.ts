export function campaignLabel(name: string): string {
  return `Campaign ${name}`;
}
